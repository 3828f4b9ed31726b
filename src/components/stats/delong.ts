import {aucSplit} from "./auc.js";
import {splitBinary} from "./binaryData.js";
import {normalQuantile} from "./normal.js";
import {pooledRanks, rank} from "./rank.js";

export interface DeLongPlacements {
  /** The AUC (mean of either placement vector). */
  theta: number;
  /** Per case: fraction of controls scoring below it, ties ½ (pROC `X`, DeLong's V10). */
  cases: Float64Array;
  /** Per control: fraction of cases scoring above it, ties ½ (pROC `Y`, DeLong's V01). */
  controls: Float64Array;
}

/**
 * DeLong's placement values (pROC `delongPlacements`), by midranks (Sun & Xu 2014): a case's placement is its rank
 * among all scores minus its rank among cases, over n. null for a single class.
 */
export function delongPlacements(cases: Float64Array, controls: Float64Array): DeLongPlacements | null {
  const m = cases.length;
  const n = controls.length;
  if (m === 0 || n === 0) return null;
  const rAll = pooledRanks(cases, controls);
  const rCases = rank(cases).ranks;
  const rControls = rank(controls).ranks;
  const x = new Float64Array(m);
  const y = new Float64Array(n);
  for (let i = 0; i < m; i++) x[i] = ((rAll[i] as number) - (rCases[i] as number)) / n;
  for (let j = 0; j < n; j++) y[j] = 1 - ((rAll[m + j] as number) - (rControls[j] as number)) / m;
  return {theta: aucSplit(cases, controls) as number, cases: x, controls: y};
}

/** DeLong variance of the AUC: S10/m + S01/n with sample (n − 1) variances; null when m ≤ 1 or n ≤ 1. */
export function delongVariance(p: DeLongPlacements): number | null {
  const m = p.cases.length;
  const n = p.controls.length;
  if (m <= 1 || n <= 1) return null;
  return sumSquares(p.cases, p.theta) / (m - 1) / m + sumSquares(p.controls, p.theta) / (n - 1) / n;
}

function sumSquares(v: Float64Array, mean: number): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += ((v[i] as number) - mean) * ((v[i] as number) - mean);
  return s;
}

export interface AucCi {
  auc: number;
  /** [lower, upper], clipped to [0, 1]. */
  ci: [number, number];
}

/**
 * AUC with DeLong's confidence interval, exactly pROC `ci.auc(roc, method = "delong", conf.level)`:
 * qnorm((1 ∓ level)/2, mean = AUC, sd = √var), clipped to [0, 1]. Returns null when there is a single class (no
 * AUC); `ci` is null when there is only one case or one control (pROC gives NA). When the variance is 0 (perfect
 * separation) the interval is [AUC, AUC], as in pROC. NaN scores → RangeError.
 */
export function aucCiDeLong(
  outcome: ArrayLike<number | boolean>,
  score: ArrayLike<number>,
  ciLevel = 0.95,
): {auc: number; ci: [number, number] | null} | null {
  const {cases, controls} = splitBinary(outcome, score);
  return aucCiDeLongSplit(cases, controls, ciLevel);
}

export function aucCiDeLongSplit(
  cases: Float64Array,
  controls: Float64Array,
  ciLevel = 0.95,
): {auc: number; ci: [number, number] | null} | null {
  checkLevel(ciLevel);
  const p = delongPlacements(cases, controls);
  if (!p) return null;
  const v = delongVariance(p);
  if (v === null) return {auc: p.theta, ci: null};
  const z = normalQuantile(1 - (1 - ciLevel) / 2);
  const sd = Math.sqrt(v);
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  // qnorm(p, mean, sd) = mean + sd·qnorm(p); qnorm((1−level)/2) = −qnorm(1 − (1−level)/2) exactly by symmetry.
  return {auc: p.theta, ci: [clip(p.theta - z * sd), clip(p.theta + z * sd)]};
}

export function checkLevel(ciLevel: number): void {
  if (!(ciLevel > 0 && ciLevel < 1)) throw new RangeError(`ciLevel must be in (0, 1), not ${ciLevel}`);
}
