import {assertFinite} from "./assertFinite.js";
import {aucSplit} from "./auc.js";

export interface PairConcordance {
  /** Lower and higher class of the pair. */
  lower: number;
  higher: number;
  /** AUC of the score between the two classes (higher class = case); null when either class is empty. */
  auc: number | null;
  /** Number of patient pairs, n_lower · n_higher. */
  pairs: number;
}

export interface OrdinalConcordance {
  /**
   * ORC (Van Calster et al., Biom J 2012;54:674–85): the mean over all pairs of classes of the pairwise AUC — the
   * probability of ranking two patients from two random different classes correctly. Prevalence-insensitive.
   */
  orc: number | null;
  /**
   * Harrell's C generalised to ordered outcomes: over all pairs of patients in different classes, the fraction whose
   * scores are in the classes' order (score ties count ½; pairs in the same class are not comparable). It weights
   * each class pair by its number of patient pairs.
   */
  harrellC: number | null;
  byPair: PairConcordance[];
}

/**
 * Ordinal discrimination of a score (higher score = higher class, e.g. the expected class below) for classes
 * 0 … classes − 1 in their clinical order. Class pairs with an empty class are left out of both summaries; both are
 * null when fewer than two classes occur. Throws RangeError naming the index for a bad class or a NaN score.
 */
export function ordinalConcordance(
  observed: ArrayLike<number>,
  score: ArrayLike<number>,
  classes: number,
): OrdinalConcordance {
  if (observed.length !== score.length) {
    throw new RangeError(`observed and score must have the same length, not ${observed.length} and ${score.length}`);
  }
  assertFinite(score, "score");
  const groups: number[][] = Array.from({length: classes}, () => []);
  for (let i = 0; i < observed.length; i++) {
    const c = observed[i];
    if (typeof c !== "number" || !Number.isInteger(c) || c < 0 || c >= classes) {
      throw new RangeError(`observed[${i}] must be a class index in 0 … ${classes - 1}, not ${String(c)}`);
    }
    (groups[c] as number[]).push(score[i] as number);
  }
  const byPair: PairConcordance[] = [];
  let orcSum = 0;
  let orcCount = 0;
  let cSum = 0;
  let cPairs = 0;
  for (let lo = 0; lo < classes; lo++) {
    for (let hi = lo + 1; hi < classes; hi++) {
      const controls = Float64Array.from(groups[lo] as number[]);
      const cases = Float64Array.from(groups[hi] as number[]);
      const auc = aucSplit(cases, controls);
      const pairs = cases.length * controls.length;
      byPair.push({lower: lo, higher: hi, auc, pairs});
      if (auc === null) continue;
      orcSum += auc;
      orcCount++;
      cSum += auc * pairs;
      cPairs += pairs;
    }
  }
  return {orc: orcCount ? orcSum / orcCount : null, harrellC: cPairs ? cSum / cPairs : null, byPair};
}

/** The expected class index Σ k·p_k of each probability vector: a natural ordinal score from class probabilities. */
export function expectedClass(probabilities: ReadonlyArray<ArrayLike<number>>): number[] {
  return probabilities.map((p, i) => {
    assertFinite(p, `probabilities[${i}]`);
    let s = 0;
    for (let k = 0; k < p.length; k++) s += k * (p[k] as number);
    return s;
  });
}
