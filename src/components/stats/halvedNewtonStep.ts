/**
 * One Newton–Raphson update with step halving, shared by the multinomial fits (multinomialLogistic.ts,
 * constrainedMultinomial.ts): the full step, then half of it, and so on (30 times at most), until the objective
 * (minimised) does not increase beyond rounding, so a poor start (large coefficients) cannot diverge. Updates `beta`
 * in place and says whether the step was small enough to call the fit converged (max |Δ| ≤ 1e-10·(1 + max |β|)).
 */
export function halvedNewtonStep(
  beta: Float64Array,
  step: ArrayLike<number>,
  objective: number,
  objectiveAt: (trial: Float64Array) => number,
): {objective: number; converged: boolean} {
  const dim = beta.length;
  let t = 1;
  const trial = new Float64Array(dim);
  let next = Number.POSITIVE_INFINITY;
  for (let h = 0; h < 30; h++, t /= 2) {
    for (let d = 0; d < dim; d++) trial[d] = (beta[d] as number) + t * (step[d] as number);
    next = objectiveAt(trial);
    if (next <= objective + 1e-12 * Math.abs(objective)) break;
  }
  let maxStep = 0;
  let maxBeta = 0;
  for (let d = 0; d < dim; d++) {
    maxStep = Math.max(maxStep, Math.abs((trial[d] as number) - (beta[d] as number)));
    maxBeta = Math.max(maxBeta, Math.abs(trial[d] as number));
  }
  beta.set(trial);
  return {objective: next, converged: maxStep <= 1e-10 * (1 + maxBeta)};
}
