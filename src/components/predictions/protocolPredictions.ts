import type {PredictionRow} from "../stats/evaluatePredictions.js";
import type {PredictionRecord} from "./predictionColumns.js";

/**
 * The rows of the site's predictions.csv (read by readPredictionsCsv, already validated) for one protocol and
 * optionally one cohort, as `evaluatePredictions` input: what the pages recompute live.
 */
export function protocolPredictions(
  rows: readonly PredictionRecord[],
  protocol: string,
  cohort?: string,
): PredictionRow[] {
  const out: PredictionRow[] = [];
  for (const r of rows) {
    if (r.protocol !== protocol || (cohort !== undefined && r.cohort !== cohort)) continue;
    const row: PredictionRow = {
      patientId: r.patientId,
      cohort: r.cohort,
      label: r.label,
      probabilities: r.probabilities,
    };
    if (r.patchId !== undefined) row.patchId = r.patchId;
    out.push(row);
  }
  return out;
}
