import {assertBinary, assertFinite, assertSameLength} from "./assertFinite.js";

export interface CalibrationInTheLarge {
  /** a in logit π = a + logit(p): 0 when the mean risk is right, < 0 when the model over-predicts. */
  intercept: number;
  /** Its standard error 1/√Σπᵢ(1 − πᵢ) at the fit (the model-based SE R's glm reports). */
  se: number;
}

/**
 * Calibration-in-the-large with its standard error, as R `glm(y ~ offset(qlogis(p)), family = binomial)` gives it
 * (coefficient and `sqrt(vcov)`): the intercept a of logit π = a + logit(p), by Newton–Raphson to |Δa| < 1e-13.
 * Pooled across centres beside the calibration slope (Debray et al., BMJ 2017). Probabilities are clamped to
 * [ε, 1 − ε] before the logit. The score Σyᵢ − Σπᵢ runs from Σy − n to Σy as a goes from −∞ to ∞, so the estimate is
 * finite exactly when the outcomes are not all equal: null otherwise (and for no patients). Throws RangeError for a
 * non-binary outcome, NaN or a probability outside [0, 1] (naming the index).
 */
export function calibrationInTheLarge(
  outcome: ArrayLike<number | boolean>,
  probability: ArrayLike<number>,
  epsilon = 1e-12,
): CalibrationInTheLarge | null {
  assertSameLength(outcome, probability, "outcome and probability");
  assertBinary(outcome, "outcome");
  assertFinite(probability, "probability");
  const n = probability.length;
  const y = new Float64Array(n);
  const offset = new Float64Array(n);
  let events = 0;
  for (let i = 0; i < n; i++) {
    const p = probability[i] as number;
    if (p < 0 || p > 1) throw new RangeError(`probability[${i}] must be in [0, 1], not ${p}`);
    y[i] = outcome[i] === 1 || outcome[i] === true ? 1 : 0;
    events += y[i] as number;
    const c = Math.min(1 - epsilon, Math.max(epsilon, p));
    offset[i] = Math.log(c / (1 - c));
  }
  if (events === 0 || events === n) return null;
  let a = 0;
  for (let iter = 0; iter < 500; iter++) {
    let score = 0;
    let info = 0;
    for (let i = 0; i < n; i++) {
      const eta = a + (offset[i] as number);
      // y − π written as 1 − π = expit(−η) for an event, so a π near 1 loses no digits to cancellation.
      score += y[i] === 1 ? expit(-eta) : -expit(eta);
      info += expit(eta) * expit(-eta);
    }
    // Steps are capped at 2 on the logit scale: far from the root (extreme offsets) the information is tiny and a
    // full Newton step would overshoot; the score is monotone in a, so capped steps still walk to the root.
    const step = info > 0 ? Math.max(-2, Math.min(2, score / info)) : 2 * Math.sign(score);
    a += step;
    if (Math.abs(step) < 1e-13 * Math.max(1, Math.abs(a))) {
      return {intercept: a, se: 1 / Math.sqrt(information(a, offset))};
    }
  }
  throw new Error("calibrationInTheLarge: Newton–Raphson did not converge in 500 iterations");
}

function information(a: number, offset: Float64Array): number {
  let info = 0;
  for (const o of offset) info += expit(a + o) * expit(-(a + o));
  return info;
}

function expit(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
