import {aggregatePatients} from "../stats/aggregatePatients.js";
import type {AucSummary} from "../stats/aucSummary.js";
import type {PredictionRow} from "../stats/evaluatePredictions.js";
import {type Aggregation, type CiMethod, CiMethods, type Level, labelIndex} from "../study/vocabulary.js";

const CiMethodLabels: Record<CiMethod, string> = {
  cluster: "Patient-cluster bootstrap",
  naive: "Naive patch bootstrap (as the paper)",
  delong: "DeLong (ignores clustering at patch level)",
  obuchowski: "Obuchowski clustered DeLong",
};

/** The interval methods a page offers for an AUC, in the vocabulary's order, with their labels. */
export const ciMethodOptions: ReadonlyArray<{key: CiMethod; label: string}> = CiMethods.map((key) => ({
  key,
  label: CiMethodLabels[key],
}));

/**
 * The interval of `summary` for `method`. At patient level the naive bootstrap falls back to the only bootstrap, and
 * Obuchowski's interval to DeLong's (one patient per cluster: the two variances are equal).
 */
export function ciOf(summary: AucSummary, method: CiMethod): [number, number] | null {
  if (method === "delong") return summary.ciDeLong;
  if (method === "obuchowski") return summary.ciObuchowski === undefined ? summary.ciDeLong : summary.ciObuchowski;
  if (method === "naive") return summary.ciBootstrapNaive ?? summary.ciBootstrap;
  return summary.ciBootstrap;
}

export interface LevelInputs {
  /** Class index of each item (patch or patient). */
  truth: number[];
  probabilities: Array<readonly [number, number, number, number]>;
  /** Patient of each patch (patch level only): the cluster of the patient-cluster bootstrap. */
  clusters: string[] | null;
  ids: string[];
}

/**
 * The items of one level for the live statistics: patches as given, or patients with their patches' probability
 * vectors aggregated as the build did (`aggregatePatients` with metrics.json's `options.aggregation`, default the mean;
 * first-seen order, as `evaluatePredictions`). Pure.
 */
export function levelInputs(rows: readonly PredictionRow[], level: Level, aggregation?: Aggregation): LevelInputs {
  if (level === "patch") {
    return {
      truth: rows.map((r) => labelIndex(r.label, `patient ${r.patientId}`)),
      probabilities: rows.map((r) => r.probabilities),
      clusters: rows.map((r) => r.patientId),
      ids: rows.map((r) => r.patchId ?? r.patientId),
    };
  }
  const patients = aggregatePatients(rows, {aggregation});
  return {
    truth: patients.map((p) => p.label),
    probabilities: patients.map((p) => p.probabilities as unknown as readonly [number, number, number, number]),
    clusters: null,
    ids: patients.map((p) => p.patientId),
  };
}
