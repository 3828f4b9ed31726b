import type {Balancing, PriorCorrection} from "../../src/components/study/vocabulary.js";

/**
 * The shift of the softmax intercepts that undoes balanced training. Oversampling every class to the largest and a
 * loss weighted by N / (K·n_c) both fit the head to a uniform class prior, so its probabilities are p_w(c|x) ∝ p(c|x) /
 * n_c: each class's risk pushed away from its prevalence (van den Goorbergh et al., JAMIA 2022). Adding log(n_c / N) to
 * intercept c gives softmax outputs ∝ p_w(c|x)·n_c, the risks at the training cohort's prevalence (prior correction,
 * King & Zeng, Political Analysis 2001). Null when there is nothing to undo: "none" asked for, or natural-prevalence
 * training. A class absent from the training labels keeps its intercept (its weight was 0; no prevalence to restore).
 */
export function priorShift(
  labels: ArrayLike<number>,
  classes: number,
  balancing: Balancing,
  correction: PriorCorrection,
): Float64Array | null {
  if (correction === "none" || balancing === "none") return null;
  const counts = new Float64Array(classes);
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i] as number;
    if (!(Number.isInteger(y) && y >= 0 && y < classes)) throw new RangeError(`priorShift: label ${y} at row ${i + 1}`);
    counts[y] = (counts[y] as number) + 1;
  }
  if (labels.length === 0) throw new RangeError("priorShift: no training labels");
  return counts.map((n) => (n > 0 ? Math.log(n / labels.length) : 0));
}

/** Probabilities as the head gave them before the shift (for the before/after calibration): ∝ p_c · e^(−shift_c). */
export function undoPriorShift(probabilities: readonly number[], shift: readonly number[]): number[] {
  const raw = probabilities.map((p, c) => p * Math.exp(-(shift[c] ?? 0)));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((v) => v / sum);
}
