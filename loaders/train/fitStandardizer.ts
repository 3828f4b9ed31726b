import type {Standardize} from "../../models/head.js";

/**
 * Per-feature mean and standard deviation over the rows of the given matrices (the training cohort's embeddings,
 * every variant used for training: never a validation cohort). Features that are constant (sd < 1e-6, e.g. channels
 * that are zero on every CT patch) keep scale 1, so they stay 0 after centring instead of exploding.
 */
export function fitStandardizer(matrices: Float32Array[], d: number): Standardize {
  const mean = new Float64Array(d);
  const m2 = new Float64Array(d);
  let n = 0;
  for (const x of matrices) {
    const rows = x.length / d;
    for (let i = 0; i < rows; i++) {
      n++;
      for (let j = 0; j < d; j++) {
        const v = x[i * d + j]!;
        const delta = v - mean[j]!;
        mean[j]! += delta / n;
        m2[j]! += delta * (v - mean[j]!);
      }
    }
  }
  if (n < 2) throw new Error(`fitStandardizer: expected at least 2 training rows, got ${n}`);
  const scale = m2.map((s) => {
    const sd = Math.sqrt(s / (n - 1));
    return sd < 1e-6 ? 1 : sd;
  });
  return {mean, scale};
}
