import type {MetricsArtifact} from "../artifacts.js";
import type {LevelEvaluation} from "../stats/evaluatePredictions.js";
import {cohortOrder} from "../study/cohortOrder.js";

/**
 * A page's one-line answer above its controls, from metrics.json: one statistic per patient on every external
 * cohort (those the model was not trained on), under each protocol the build ran — "Macro one-vs-rest AUC per
 * patient on the external cohorts — corrected: B 0.71, C 0.68; paper: B 0.66, C 0.64." Empty without an external
 * cohort, so a page shows nothing rather than an empty sentence.
 */
export function externalHeadline(
  metrics: MetricsArtifact,
  cohorts: {training: string; validation?: readonly string[]},
  statistic: {label: string; value: (patient: LevelEvaluation) => string},
): string {
  const parts: string[] = [];
  for (const [protocol, evaluation] of Object.entries(metrics.protocols)) {
    if (!evaluation) continue;
    // The cohorts in the site's one order (cohortOrder.ts), the training cohort left out.
    const cells = cohortOrder(Object.keys(evaluation.cohorts), cohorts.training, cohorts.validation)
      .cohorts.filter((cohort) => cohort !== cohorts.training)
      .flatMap((cohort) => {
        const patient = evaluation.cohorts[cohort]?.patient;
        return patient ? [`${cohort} ${statistic.value(patient)}`] : [];
      });
    if (cells.length) parts.push(`${protocol}: ${cells.join(", ")}`);
  }
  return parts.length ? `${statistic.label} per patient on the external cohorts — ${parts.join("; ")}.` : "";
}

/** The methods table's answer: how many of its settings differ from the paper's. */
export function protocolHeadline(rows: ReadonlyArray<{differs: boolean}>, protocolName: string): string {
  const differing = rows.filter((r) => r.differs).length;
  return `${differing} of ${rows.length} settings of the ${protocolName} protocol differ from the paper's.`;
}
