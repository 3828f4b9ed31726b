/**
 * Moving a proportion-like estimate (an AUC, an accuracy) to the logit scale and back, for pooling across centres:
 * bounded estimates are skewed near 0 and 1, so meta-analyses pool logit(θ) with the delta-method variance
 * Var(logit θ̂) ≈ Var(θ̂)/(θ(1 − θ))² and transform the pooled value and its interval back with the expit.
 */
export interface LogitEstimate {
  /** logit(θ). */
  yi: number;
  /** Delta-method variance on the logit scale. */
  vi: number;
}

/** logit(θ) and its variance from θ and its standard error. θ must be inside (0, 1): an AUC of 1 has no logit. */
export function toLogit(estimate: number, se: number, name = "estimate"): LogitEstimate {
  if (!(estimate > 0 && estimate < 1)) {
    throw new RangeError(`${name} ${estimate} must be strictly between 0 and 1 to be pooled on the logit scale`);
  }
  if (!(se >= 0 && Number.isFinite(se)))
    throw new RangeError(`${name}: standard error must be a finite number ≥ 0, not ${se}`);
  const d = estimate * (1 - estimate);
  return {yi: Math.log(estimate / (1 - estimate)), vi: (se * se) / (d * d)};
}

/** expit(x) = 1/(1 + e^−x), computed without overflow. */
export function expit(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Back-transforms a logit-scale estimate and interval to the probability scale. */
export function fromLogit(estimate: number, ci: readonly [number, number]): {estimate: number; ci: [number, number]} {
  return {estimate: expit(estimate), ci: [expit(ci[0]), expit(ci[1])]};
}
