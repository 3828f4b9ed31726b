import {type BinaryMetrics, metricsFromCounts} from "../stats/binaryMetrics.js";

export interface ThresholdMetrics extends BinaryMetrics {
  threshold: number;
  /** 2×2 counts, rows true (positive, negative), columns predicted (positive, negative). */
  counts: [[number, number], [number, number]];
}

/**
 * The binary operating point at `threshold`: an item is called positive when score ≥ threshold (as `rocCurve`).
 * Sensitivity, specificity, PPV and NPV with Wilson CIs at `ciLevel` (no default: the page passes the study's
 * `evaluation.ciLevel`). Throws RangeError on unequal lengths or a non-finite score.
 */
export function thresholdMetrics(
  outcome: ArrayLike<number | boolean>,
  score: ArrayLike<number>,
  threshold: number,
  ciLevel: number,
): ThresholdMetrics {
  if (outcome.length !== score.length) {
    throw new RangeError(`outcome and score must have the same length, not ${outcome.length} and ${score.length}`);
  }
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < score.length; i++) {
    const s = score[i] as number;
    if (!Number.isFinite(s)) throw new RangeError(`score[${i}] must be finite, got ${s}`);
    const positive = outcome[i] === 1 || outcome[i] === true;
    const called = s >= threshold;
    if (positive && called) tp++;
    else if (positive) fn++;
    else if (called) fp++;
    else tn++;
  }
  return {
    threshold,
    ...metricsFromCounts(tp, fp, tn, fn, ciLevel),
    counts: [
      [tp, fn],
      [fp, tn],
    ],
  };
}
