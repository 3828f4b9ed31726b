import type {PredictionRow} from "../stats/evaluatePredictions.js";

/**
 * The predictions CSV format, written by `predict`, by training runs and by the site (data/predictions.csv), read
 * by `evaluate` and by the pages. Required columns: patient_id, cohort, label (CR|PR|SD|PD) and the four
 * probabilities p_CR, p_PR, p_SD, p_PD (plain decimals in [0, 1] summing to 1 ± SUM_TOLERANCE, or within what
 * rounding to their printed precision explains: roundedProbabilities.ts). Optional: patch_id (then every row is a
 * patch), protocol (the site's file holds both protocols; identities are checked within a protocol) and split
 * (training | validation). Any other column is ignored. The writer puts the columns in the order of
 * PredictionColumns, leaving out the optional ones no row has.
 */
export const PROBABILITY_COLUMNS = ["p_CR", "p_PR", "p_SD", "p_PD"] as const;
export const REQUIRED_COLUMNS = ["patient_id", "cohort", "label", ...PROBABILITY_COLUMNS] as const;
export const PredictionColumns = [
  "protocol",
  "patient_id",
  "cohort",
  "patch_id",
  "label",
  ...PROBABILITY_COLUMNS,
  "split",
] as const;
export const Splits = ["training", "validation"] as const;
export const SUM_TOLERANCE = 1e-6;

/** One row of a predictions file: a patch or a patient, with the site's optional protocol and split. */
export interface PredictionRecord extends PredictionRow {
  protocol?: string;
  split?: (typeof Splits)[number];
}
