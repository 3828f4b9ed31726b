import {assertFinite} from "./assertFinite.js";
import {cholesky, choleskyInverse, choleskySolve} from "./cholesky.js";
import {halvedNewtonStep} from "./halvedNewtonStep.js";

/**
 * Multinomial logistic regression whose K − 1 equations each have their own covariates and an offset, the "vector
 * GLM with constraint matrices" of VGAM (Yee 2015): class 0 is the reference and, for observation i and class k ≥ 1,
 *
 *   η_ik = log(π_ik / π_i0) = offset_ik + Σ_j design_i[k − 1][j] · θ_j
 *
 * with one parameter vector θ shared by the equations (an equation that does not use θ_j has a 0 there). Fitted by
 * maximum likelihood with Newton–Raphson and step halving, as multinomialLogistic.ts. What Van Hoorde et al.'s
 * nominal calibration needs (nominalCalibration.ts): intercepts with the linear predictors as offsets, and one slope
 * per equation on that equation's own linear predictor. Pure: Node and the browser.
 */
export interface ConstrainedMultinomialFit {
  coefficients: number[];
  /** From the inverse information; null when it is singular. */
  standardErrors: number[] | null;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

export interface ConstrainedMultinomialData {
  /** Per observation, K − 1 rows (one per non-reference class) of P covariates. */
  design: ReadonlyArray<ReadonlyArray<ArrayLike<number>>>;
  /** Per observation, K − 1 offsets (null: none). */
  offset: ReadonlyArray<ArrayLike<number>> | null;
  /** Class index 0 … K − 1 per observation. */
  y: ArrayLike<number>;
}

function logLikelihood(data: ConstrainedMultinomialData, theta: ArrayLike<number>, eta: Float64Array): number {
  let ll = 0;
  for (let i = 0; i < data.y.length; i++) {
    linearPredictors(data, i, theta, eta);
    let max = 0;
    for (const e of eta) max = Math.max(max, e);
    let sum = Math.exp(-max);
    for (const e of eta) sum += Math.exp(e - max);
    const yi = data.y[i] as number;
    ll += (yi === 0 ? 0 : (eta[yi - 1] as number)) - (max + Math.log(sum));
  }
  return ll;
}

function linearPredictors(data: ConstrainedMultinomialData, i: number, theta: ArrayLike<number>, eta: Float64Array) {
  const rows = data.design[i] as ReadonlyArray<ArrayLike<number>>;
  const offset = data.offset?.[i];
  for (let k = 0; k < eta.length; k++) {
    const row = rows[k] as ArrayLike<number>;
    let s = offset ? (offset[k] as number) : 0;
    for (let j = 0; j < theta.length; j++) s += (row[j] as number) * (theta[j] as number);
    eta[k] = s;
  }
}

export function fitConstrainedMultinomial(
  data: ConstrainedMultinomialData,
  classes: number,
  {maxIterations = 100}: {maxIterations?: number} = {},
): ConstrainedMultinomialFit {
  const n = data.y.length;
  const m = classes - 1;
  if (n === 0) throw new RangeError("fitConstrainedMultinomial: no observations");
  if (data.design.length !== n) throw new RangeError(`design has ${data.design.length} observations, y has ${n}`);
  const p = (data.design[0]?.[0] as ArrayLike<number> | undefined)?.length ?? 0;
  for (let i = 0; i < n; i++) {
    const rows = data.design[i] as ReadonlyArray<ArrayLike<number>>;
    if (rows.length !== m) throw new RangeError(`design[${i}] has ${rows.length} equations, expected ${m}`);
    rows.forEach((r, k) => {
      if (r.length !== p) throw new RangeError(`design[${i}][${k}] has ${r.length} covariates, expected ${p}`);
      assertFinite(r, `design[${i}][${k}]`);
    });
    if (data.offset) assertFinite(data.offset[i] as ArrayLike<number>, `offset[${i}]`);
    const c = data.y[i];
    if (typeof c !== "number" || !Number.isInteger(c) || c < 0 || c >= classes)
      throw new RangeError(`y[${i}] must be a class index in 0 … ${classes - 1}, not ${String(c)}`);
  }
  const theta = new Float64Array(p);
  const eta = new Float64Array(m);
  const prob = new Float64Array(m);
  let objective = -logLikelihood(data, theta, eta);
  let iterations = 0;
  let converged = false;
  let factor: Float64Array | null = null;
  for (; iterations < maxIterations; iterations++) {
    const grad = new Float64Array(p);
    const hess = new Float64Array(p * p);
    for (let i = 0; i < n; i++) {
      linearPredictors(data, i, theta, eta);
      let max = 0;
      for (const e of eta) max = Math.max(max, e);
      let sum = Math.exp(-max);
      for (let k = 0; k < m; k++) {
        prob[k] = Math.exp((eta[k] as number) - max);
        sum += prob[k] as number;
      }
      for (let k = 0; k < m; k++) prob[k] = (prob[k] as number) / sum;
      const rows = data.design[i] as ReadonlyArray<ArrayLike<number>>;
      const yi = data.y[i] as number;
      // ∂ℓ/∂θ = Σ_k (y_ik − π_ik) x_ik; information = Σ_kl x_ik (π_k δ_kl − π_k π_l) x_il.
      for (let k = 0; k < m; k++) {
        const xk = rows[k] as ArrayLike<number>;
        const r = (yi === k + 1 ? 1 : 0) - (prob[k] as number);
        for (let j = 0; j < p; j++) grad[j] = (grad[j] as number) + r * (xk[j] as number);
        for (let l = 0; l < m; l++) {
          const w = (prob[k] as number) * ((k === l ? 1 : 0) - (prob[l] as number));
          if (w === 0) continue;
          const xl = rows[l] as ArrayLike<number>;
          for (let a = 0; a < p; a++) {
            const wa = w * (xk[a] as number);
            if (wa === 0) continue;
            for (let b = 0; b < p; b++) hess[a * p + b] = (hess[a * p + b] as number) + wa * (xl[b] as number);
          }
        }
      }
    }
    factor = cholesky(hess, p);
    if (factor === null)
      throw new RangeError(
        "fitConstrainedMultinomial: the information matrix is singular (a constant or collinear covariate, or separation)",
      );
    const step = choleskySolve(factor, p, grad);
    const update = halvedNewtonStep(theta, step, objective, (trial) => -logLikelihood(data, trial, eta));
    objective = update.objective;
    if (update.converged) {
      converged = true;
      iterations++;
      break;
    }
  }
  let standardErrors: number[] | null = null;
  if (factor !== null) {
    const inv = choleskyInverse(factor, p);
    standardErrors = Array.from({length: p}, (_, j) => Math.sqrt(inv[j * p + j] as number));
  }
  return {
    coefficients: [...theta],
    standardErrors,
    logLikelihood: -objective,
    iterations,
    converged,
  };
}
