import {type AucSummary, type AucSummaryOptions, aucSummary} from "./aucSummary.js";
import {deriveSeed} from "./random.js";

/**
 * One-vs-rest discrimination for a multi-class problem: for each class c, outcome = (truth = c) and score = P(c);
 * each gets `aucSummary` (bootstrap seeded by `deriveSeed(seed, label)`). The macro average is the mean of the
 * defined per-class AUCs (null when none is defined).
 */
export function oneVsRest(
  labels: readonly string[],
  truth: ArrayLike<number>,
  probabilities: ReadonlyArray<ArrayLike<number>>,
  options: AucSummaryOptions,
): {perClass: Record<string, AucSummary>; macroAuc: number | null} {
  if (truth.length !== probabilities.length) {
    throw new RangeError(
      `truth and probabilities must have the same length, not ${truth.length} and ${probabilities.length}`,
    );
  }
  const perClass: Record<string, AucSummary> = {};
  const aucs: number[] = [];
  labels.forEach((label, c) => {
    const outcome = Uint8Array.from(Array.from(truth, (t) => (t === c ? 1 : 0)));
    const score = Float64Array.from(probabilities, (p) => p[c] as number);
    const summary = aucSummary(outcome, score, {...options, seed: deriveSeed(options.seed, label)});
    perClass[label] = summary;
    if (summary.auc !== null) aucs.push(summary.auc);
  });
  return {perClass, macroAuc: aucs.length === 0 ? null : aucs.reduce((a, b) => a + b, 0) / aucs.length};
}
