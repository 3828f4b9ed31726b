import {formatFixed, formatPercent} from "../format/formatStat.js";
import type {OptimismArtifact} from "../optimism/optimismArtifact.js";
import type {OptimismEstimate} from "../stats/optimism.js";
import type {ResponseMetricKey} from "../stats/responseMetrics.js";
import type {Level} from "../study/vocabulary.js";

/**
 * The optimism-corrected estimate beside a page's in-sample numbers (data/optimism.json): for the training cohort
 * only, one sentence per page naming the method, B and seed, then each metric's in-sample value → corrected value
 * (optimism ± its Monte Carlo SE). The correction is at patient level; a patch-level view says so. When the stage
 * did not run or failed, the sentence says why. Null for a held-out cohort. Pure: the pages display the text.
 */
const MetricNames: Record<ResponseMetricKey, string> = {
  objectiveResponseAuc: "objective-response AUC",
  accuracy: "accuracy",
  CR: "AUC CR",
  PR: "AUC PR",
  SD: "AUC SD",
  PD: "AUC PD",
};

export function optimismNote(
  artifact: OptimismArtifact,
  protocol: string,
  cohort: string,
  level: Level,
  metrics: readonly ResponseMetricKey[],
): string | null {
  if (cohort !== artifact.trainingCohort) return null;
  if (artifact.emptyReason) return `No optimism-corrected estimate: ${artifact.emptyReason}`;
  const error = artifact.errors[protocol as keyof OptimismArtifact["errors"]];
  if (error)
    return `No optimism-corrected estimate for the ${protocol} protocol: its bootstrap refits failed (${error}).`;
  const result = artifact.protocols[protocol as keyof OptimismArtifact["protocols"]];
  if (!result) return `No optimism-corrected estimate for the ${protocol} protocol.`;
  const parts = metrics.map((k) => metricText(k, result.metrics[k]));
  const where = level === "patch" ? " (patient level, whatever the level shown here)" : "";
  return `Optimism-corrected${where}, ${result.patients} patients: ${parts.join("; ")}. ${artifact.method}${artifact.replicates < 50 ? ` With B = ${artifact.replicates} the optimism is itself uncertain (its Monte Carlo SE is shown); raise optimism.replicates for a firmer estimate.` : ""}`;
}

function metricText(key: ResponseMetricKey, e: OptimismEstimate): string {
  const f = (v: number | null) => (key === "accuracy" ? formatPercent(v, 1) : formatFixed(v, 3));
  const se =
    e.optimismSe === null
      ? ""
      : ` ± ${key === "accuracy" ? formatPercent(e.optimismSe, 1) : formatFixed(e.optimismSe, 3)}`;
  const optimism =
    e.optimism === null
      ? "n/a"
      : `${key === "accuracy" ? formatPercent(e.optimism, 1) : formatFixed(e.optimism, 3)}${se}`;
  return `${MetricNames[key]} ${f(e.apparent)} in-sample → ${f(e.corrected)} corrected (optimism ${optimism})`;
}
