import {assertFinite} from "./assertFinite.js";

export interface ConfusionMatrix {
  labels: string[];
  /** counts[i][j] = number of items whose true class is labels[i] and predicted class is labels[j]. */
  counts: number[][];
}

/**
 * Index of the largest probability; ties go to the FIRST class in label order (e.g. P(CR) = P(PR) → CR).
 * Empty vector → RangeError. NaN → RangeError naming the index.
 */
export function argmax(probabilities: ArrayLike<number>): number {
  assertFinite(probabilities, "probabilities");
  if (probabilities.length === 0) throw new RangeError("argmax of an empty vector");
  let best = 0;
  for (let i = 1; i < probabilities.length; i++) {
    if ((probabilities[i] as number) > (probabilities[best] as number)) best = i;
  }
  return best;
}

/**
 * Confusion matrix with rows = true class, columns = predicted class = argmax of each probability vector (ties →
 * first class). `truth[i]` is a class index into `labels`; every probability vector has labels.length entries.
 * Empty input → all-zero matrix. Out-of-range truth, wrong vector length or NaN → RangeError naming the index.
 */
export function confusionMatrix(
  labels: readonly string[],
  truth: ArrayLike<number>,
  probabilities: ReadonlyArray<ArrayLike<number>>,
): ConfusionMatrix {
  if (truth.length !== probabilities.length) {
    throw new RangeError(
      `truth and probabilities must have the same length, not ${truth.length} and ${probabilities.length}`,
    );
  }
  const k = labels.length;
  const counts = labels.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i] as number;
    if (!Number.isInteger(t) || t < 0 || t >= k)
      throw new RangeError(`truth[${i}] must be a class index in [0, ${k}), not ${t}`);
    const p = probabilities[i] as ArrayLike<number>;
    if (p.length !== k) throw new RangeError(`probabilities[${i}] must have ${k} entries, not ${p.length}`);
    const row = counts[t] as number[];
    const j = argmax(p);
    row[j] = (row[j] as number) + 1;
  }
  return {labels: [...labels], counts};
}

function total(cm: ConfusionMatrix): number {
  let n = 0;
  for (const row of cm.counts) for (const c of row) n += c;
  return n;
}

/** Fraction on the diagonal; null for an empty matrix. */
export function accuracy(cm: ConfusionMatrix): number | null {
  const n = total(cm);
  if (n === 0) return null;
  let d = 0;
  cm.counts.forEach((row, i) => {
    d += row[i] as number;
  });
  return d / n;
}

/** Mean per-class recall over the classes present (rows with a nonzero total); null when no class is present. */
export function balancedAccuracy(cm: ConfusionMatrix): number | null {
  let sum = 0;
  let present = 0;
  cm.counts.forEach((row, i) => {
    const n = row.reduce((a, b) => a + b, 0);
    if (n > 0) {
      sum += (row[i] as number) / n;
      present++;
    }
  });
  return present === 0 ? null : sum / present;
}

/**
 * Cohen's kappa with agreement weights: "none" (unweighted), "linear" w = 1 − |i − j|/(k − 1), "quadratic"
 * w = 1 − (i − j)²/(k − 1)², classes in label order (CR < PR < SD < PD is ordinal). κ = (p_o − p_e)/(1 − p_e).
 * Empty matrix, or p_e = 1 (both raters use one single class) → null.
 */
export function cohenKappa(cm: ConfusionMatrix, weighting: "none" | "linear" | "quadratic" = "none"): number | null {
  const k = cm.labels.length;
  const n = total(cm);
  if (n === 0) return null;
  const weight = (i: number, j: number) => {
    if (weighting === "none" || k === 1) return i === j ? 1 : 0;
    const d = Math.abs(i - j) / (k - 1);
    return weighting === "linear" ? 1 - d : 1 - d * d;
  };
  const rows = cm.counts.map((row) => row.reduce((a, b) => a + b, 0) / n);
  const cols = cm.labels.map((_, j) => cm.counts.reduce((a, row) => a + (row[j] as number), 0) / n);
  let po = 0;
  let pe = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = weight(i, j);
      po += (w * ((cm.counts[i] as number[])[j] as number)) / n;
      pe += w * (rows[i] as number) * (cols[j] as number);
    }
  }
  return pe >= 1 ? null : (po - pe) / (1 - pe);
}
