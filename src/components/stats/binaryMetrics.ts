import type {ConfusionMatrix} from "./confusionMatrix.js";
import {wilsonInterval} from "./wilson.js";

export interface Proportion {
  /** x/n, or null when n = 0. */
  value: number | null;
  x: number;
  n: number;
  /** Wilson interval (`wilsonInterval`), null when n = 0. */
  ci: [number, number] | null;
}

export interface BinaryMetrics {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  sensitivity: Proportion;
  specificity: Proportion;
  ppv: Proportion;
  npv: Proportion;
}

export function proportion(x: number, n: number, ciLevel = 0.95): Proportion {
  return {value: n === 0 ? null : x / n, x, n, ci: wilsonInterval(x, n, ciLevel)};
}

/**
 * One-vs-rest sensitivity, specificity, PPV and NPV of class `classIndex` from a confusion matrix (rows true,
 * columns predicted), each with a Wilson CI. A zero denominator gives value null and ci null.
 */
export function binaryMetrics(cm: ConfusionMatrix, classIndex: number, ciLevel = 0.95): BinaryMetrics {
  const k = cm.labels.length;
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= k) {
    throw new RangeError(`classIndex must be in [0, ${k}), not ${classIndex}`);
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  cm.counts.forEach((row, i) => {
    row.forEach((c, j) => {
      if (i === classIndex && j === classIndex) tp += c;
      else if (i === classIndex) fn += c;
      else if (j === classIndex) fp += c;
      else tn += c;
    });
  });
  return metricsFromCounts(tp, fp, tn, fn, ciLevel);
}

/** Sensitivity, specificity, PPV and NPV with Wilson CIs from the four cells of a 2×2 table. */
export function metricsFromCounts(tp: number, fp: number, tn: number, fn: number, ciLevel = 0.95): BinaryMetrics {
  return {
    tp,
    fp,
    tn,
    fn,
    sensitivity: proportion(tp, tp + fn, ciLevel),
    specificity: proportion(tn, tn + fp, ciLevel),
    ppv: proportion(tp, tp + fp, ciLevel),
    npv: proportion(tn, tn + fn, ciLevel),
  };
}
