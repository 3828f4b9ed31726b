import type {PredictionRow as StatsPredictionRow} from "../../src/components/stats/evaluatePredictions.js";
import type {PatchSet} from "../imaging/patchSet.js";

/**
 * Patch-level predictions of a model, the `evaluate` input: one row per patch with [P(CR), P(PR), P(SD), P(PD)]
 * summing to 1 (patient level is derived elsewhere by averaging). Written as CSV by
 * src/components/predictions/writePredictionsCsv.ts.
 */
export type PredictionRow = StatsPredictionRow & {patchId: string};

/** Rows for every patch of a set, from n × 4 probabilities (row-major). */
export function patchPredictions(set: PatchSet, probabilities: Float64Array): PredictionRow[] {
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
