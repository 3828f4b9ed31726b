import type {PredictionRow} from "../stats/evaluatePredictions.js";
import type {ResponseLabel} from "../study/vocabulary.js";

/**
 * Patch-level predictions of a model, the `evaluate` input: one row per patch with [P(CR), P(PR), P(SD), P(PD)]
 * summing to 1 (patient level is derived elsewhere by averaging). Built here, below both the training stage (which
 * predicts every cohort after fitting) and `predict` (which applies a saved run), so neither imports the other;
 * written as CSV by writePredictionsCsv.ts.
 */
export type PatchPredictionRow = PredictionRow & {patchId: string};

/** What the rows are built from: a cohort's patches in order (a loaders/imaging PatchSet fits this shape). */
export interface PatchesOfCohort {
  cohort: string;
  records: ReadonlyArray<{patientId: string; patchId: string; label: ResponseLabel}>;
}

/** Rows for every patch of a set, from n × 4 probabilities (row-major). */
export function patchPredictions(set: PatchesOfCohort, probabilities: Float64Array): PatchPredictionRow[] {
  const n = set.records.length;
  if (probabilities.length !== n * 4) {
    throw new Error(
      `patchPredictions: cohort ${set.cohort}: expected ${n} × 4 probabilities, got ${probabilities.length}`,
    );
  }
  return set.records.map((r, i) => ({
    patientId: r.patientId,
    cohort: set.cohort,
    patchId: r.patchId,
    label: r.label,
    probabilities: [
      probabilities[i * 4]!,
      probabilities[i * 4 + 1]!,
      probabilities[i * 4 + 2]!,
      probabilities[i * 4 + 3]!,
    ],
  }));
}
