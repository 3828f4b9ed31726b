import {splitBinary} from "./binaryData.js";
import {pooledRanks} from "./rank.js";

/**
 * Area under the ROC curve, higher score = case (pROC `auc(roc(outcome, score, levels = c(0, 1), direction = "<"))`):
 * the probability that a random case scores above a random control, ties counted ½ (the Mann–Whitney statistic
 * U/(m·n)). Returns null when there are no cases or no controls (a single class). NaN scores → RangeError.
 */
export function auc(outcome: ArrayLike<number | boolean>, score: ArrayLike<number>): number | null {
  const {cases, controls} = splitBinary(outcome, score);
  return aucSplit(cases, controls);
}

/** As `auc`, for scores already split into cases and controls (validated by the caller). */
export function aucSplit(cases: Float64Array, controls: Float64Array): number | null {
  const m = cases.length;
  const n = controls.length;
  if (m === 0 || n === 0) return null;
  const ranks = pooledRanks(cases, controls);
  let sum = 0;
  for (let i = 0; i < m; i++) sum += ranks[i] as number;
  return (sum - (m * (m + 1)) / 2) / (m * n);
}
