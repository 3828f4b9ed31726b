import type {PredictionRow as StatsPredictionRow} from "../../src/components/stats/evaluateCohorts.js";
import {csvCell as csvField} from "../../src/components/csv/writeCsv.js";
import type {PatchSet} from "../imaging/patchSet.js";

/**
 * Patch-level predictions, the `evaluate` input: one row per patch with [P(CR), P(PR), P(SD), P(PD)] summing to 1
 * (patient level is derived elsewhere by averaging). CSV columns: patient_id, cohort, patch_id, label, p_CR, p_PR,
 * p_SD, p_PD.
 */
export type PredictionRow = StatsPredictionRow & {patchId: string};

export const PredictionCsvColumns = [
  "patient_id",
  "cohort",
  "patch_id",
  "label",
  "p_CR",
  "p_PR",
  "p_SD",
  "p_PD",
] as const;

/** Rows for every patch of a set, from n × 4 probabilities (row-major). */
export function predictionRows(set: PatchSet, probabilities: Float64Array): PredictionRow[] {
  const n = set.records.length;
  if (probabilities.length !== n * 4) {
    throw new Error(
      `predictionRows: cohort ${set.cohort}: expected ${n} × 4 probabilities, got ${probabilities.length}`,
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

export function predictionsCsv(rows: readonly PredictionRow[]): string {
  const lines = [PredictionCsvColumns.join(",")];
  for (const r of rows) {
    lines.push(
      [r.patientId, r.cohort, r.patchId, r.label].map(csvField).join(",") +
        "," +
        r.probabilities.map((p) => String(p)).join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}
