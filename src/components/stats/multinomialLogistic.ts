import {assertFinite} from "./assertFinite.js";
import {cholesky, choleskyInverse, choleskySolve} from "./cholesky.js";
import {halvedNewtonStep} from "./halvedNewtonStep.js";

/**
 * Multinomial (softmax) logistic regression with an optional ridge penalty, fitted by Newton–Raphson with step
 * halving: deterministic, quadratically convergent, and exact enough to match R's `nnet::multinom` to 1e-6.
 *
 * Model: class 0 is the reference; for class k ≥ 1, log(π_k/π_0) = β_k0 + Σ_j β_kj·x_j. With two classes this is
 * binary logistic regression (R `glm(family = binomial)`).
 * Objective: −ℓ(β) + (λ/2)·Σ β², the sum over the slopes (and the intercepts too when `penalizeIntercept`; R's
 * `multinom(decay = d)` penalises every weight, d·Σβ², which is λ = 2d with `penalizeIntercept: true`).
 * The penalty is on the columns as given: standardise them first (see designMatrix.ts) for a scale-free ridge.
 */
export interface MultinomialOptions {
  /** Ridge penalty λ ≥ 0 (default 0: maximum likelihood). */
  lambda?: number;
  /** Penalise the intercepts too (default false, the usual ridge). */
  penalizeIntercept?: boolean;
  /** Newton iterations before giving up (default 100). */
  maxIterations?: number;
}

export interface MultinomialFit {
  /** Number of classes K. */
  classes: number;
  /** Number of predictors p (the intercept is added by the fit). */
  predictors: number;
  /** (K − 1) rows, one per non-reference class, each [intercept, β_1 … β_p]. */
  coefficients: number[][];
  /** Standard errors, same shape, from the inverse of the (penalised) information; null when that is singular. */
  standardErrors: number[][] | null;
  logLikelihood: number;
  /** −2ℓ (R `deviance()`). */
  deviance: number;
  /** The minimised objective −ℓ + (λ/2)·Σβ² (R's `multinom(...)$value` when the intercepts are penalised too). */
  objective: number;
  /** Free parameters (K − 1)(p + 1). */
  parameters: number;
  lambda: number;
  iterations: number;
  /** False when the iterations ran out (e.g. separation without a penalty); the coefficients are then the last step. */
  converged: boolean;
  /** Observations per class in the training data. */
  classCounts: number[];
}

/**
 * Fits the model to rows `x` (n arrays of p numbers) and class indices `y` (integers 0 … classes − 1).
 * Throws RangeError naming the row for a non-finite predictor or a bad class, when a class has no observation, and
 * when the design is singular (collinear columns, a constant column, or complete separation with λ = 0 that
 * leaves no finite maximum).
 */
export function fitMultinomial(
  x: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  classes: number,
  {lambda = 0, penalizeIntercept = false, maxIterations = 100}: MultinomialOptions = {},
): MultinomialFit {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`x and y must have the same length, not ${n} and ${y.length}`);
  if (!Number.isInteger(classes) || classes < 2) throw new RangeError(`classes must be an integer ≥ 2, not ${classes}`);
  if (!(lambda >= 0 && Number.isFinite(lambda)))
    throw new RangeError(`lambda must be a finite number ≥ 0, not ${lambda}`);
  const p = n === 0 ? 0 : (x[0] as ArrayLike<number>).length;
  const q = p + 1; // columns with the intercept
  const m = classes - 1;
  const dim = m * q;
  const design = new Float64Array(n * q);
  const classCounts = new Array<number>(classes).fill(0);
  for (let i = 0; i < n; i++) {
    const row = x[i] as ArrayLike<number>;
    if (row.length !== p) throw new RangeError(`x[${i}] has ${row.length} predictors, expected ${p}`);
    assertFinite(row, `x[${i}]`);
    design[i * q] = 1;
    for (let j = 0; j < p; j++) design[i * q + 1 + j] = row[j] as number;
    const c = y[i];
    if (typeof c !== "number" || !Number.isInteger(c) || c < 0 || c >= classes) {
      throw new RangeError(`y[${i}] must be a class index in 0 … ${classes - 1}, not ${String(c)}`);
    }
    classCounts[c] = (classCounts[c] as number) + 1;
  }
  const empty = classCounts.indexOf(0);
  if (empty >= 0) throw new RangeError(`class ${empty} has no observation: the model cannot be fitted`);
  const penalty = new Float64Array(dim);
  for (let k = 0; k < m; k++)
    for (let j = 0; j < q; j++) penalty[k * q + j] = j === 0 && !penalizeIntercept ? 0 : lambda;

  const problem: Problem = {design, y, n, q, classes};
  const beta = new Float64Array(dim);
  const probs = new Float64Array(classes);
  let objective = penalisedObjective(problem, beta, penalty, probs);
  let iterations = 0;
  let converged = false;
  let factor: Float64Array | null = null;
  for (; iterations < maxIterations; iterations++) {
    const grad = new Float64Array(dim);
    const hess = new Float64Array(dim * dim);
    for (let i = 0; i < n; i++) {
      softmax(problem, i, beta, probs);
      const yi = y[i] as number;
      for (let a = 0; a < m; a++) {
        const pa = probs[a + 1] as number;
        const r = (yi === a + 1 ? 1 : 0) - pa;
        for (let j = 0; j < q; j++) grad[a * q + j] = (grad[a * q + j] as number) + r * (design[i * q + j] as number);
        for (let b = a; b < m; b++) {
          const w = pa * ((a === b ? 1 : 0) - (probs[b + 1] as number));
          if (w === 0) continue;
          for (let j = 0; j < q; j++) {
            const wx = w * (design[i * q + j] as number);
            const row = (a * q + j) * dim + b * q;
            for (let l = 0; l < q; l++) hess[row + l] = (hess[row + l] as number) + wx * (design[i * q + l] as number);
          }
        }
      }
    }
    for (let a = 0; a < m; a++) {
      for (let b = a + 1; b < m; b++) {
        for (let j = 0; j < q; j++) {
          for (let l = 0; l < q; l++)
            hess[(b * q + l) * dim + a * q + j] = hess[(a * q + j) * dim + b * q + l] as number;
        }
      }
    }
    for (let d = 0; d < dim; d++) {
      grad[d] = (grad[d] as number) - (penalty[d] as number) * (beta[d] as number);
      hess[d * dim + d] = (hess[d * dim + d] as number) + (penalty[d] as number);
    }
    factor = cholesky(hess, dim);
    if (factor === null) {
      throw new RangeError(
        "the information matrix is singular: a predictor is constant or collinear with others, or the classes are " +
          "completely separated; drop the column or use a ridge penalty (lambda > 0)",
      );
    }
    const step = choleskySolve(factor, dim, grad);
    const update = halvedNewtonStep(beta, step, objective, (trial) =>
      penalisedObjective(problem, trial, penalty, probs),
    );
    objective = update.objective;
    if (update.converged) {
      converged = true;
      iterations++;
      break;
    }
  }
  let standardErrors: number[][] | null = null;
  if (factor !== null) {
    const inv = choleskyInverse(factor, dim);
    standardErrors = Array.from({length: m}, (_, k) =>
      Array.from({length: q}, (_, j) => Math.sqrt(inv[(k * q + j) * dim + k * q + j] as number)),
    );
  }
  const logLikelihood = logLik(problem, beta, probs);
  return {
    classes,
    predictors: p,
    coefficients: Array.from({length: m}, (_, k) => Array.from(beta.subarray(k * q, (k + 1) * q))),
    standardErrors,
    logLikelihood,
    deviance: -2 * logLikelihood,
    objective,
    parameters: dim,
    lambda,
    iterations,
    converged,
    classCounts,
  };
}

/** Class probabilities (n rows of K) for new rows under a fitted model. */
export function predictMultinomial(fit: MultinomialFit, x: readonly ArrayLike<number>[]): number[][] {
  const q = fit.predictors + 1;
  return x.map((row, i) => {
    if (row.length !== fit.predictors)
      throw new RangeError(`x[${i}] has ${row.length} predictors, expected ${fit.predictors}`);
    assertFinite(row, `x[${i}]`);
    const eta = [0];
    for (const c of fit.coefficients) {
      let s = c[0] as number;
      for (let j = 1; j < q; j++) s += (c[j] as number) * (row[j - 1] as number);
      eta.push(s);
    }
    normalizeSoftmax(eta);
    return eta;
  });
}

/** The fitting problem: the design with its intercept column (n rows of q), the class of each row, K classes. */
interface Problem {
  design: Float64Array;
  y: ArrayLike<number>;
  n: number;
  q: number;
  classes: number;
}

/** η_k of row i: the linear predictor of class k ≥ 1 against the reference class 0. */
function linearPredictor({design, q}: Problem, i: number, k: number, beta: Float64Array): number {
  let s = 0;
  for (let j = 0; j < q; j++) s += (beta[(k - 1) * q + j] as number) * (design[i * q + j] as number);
  return s;
}

/**
 * Turns linear predictors η (η_0 = 0, the reference class) into probabilities in place, shifted by the largest η so
 * that exp cannot overflow; returns log Σ exp(η).
 */
function normalizeSoftmax(eta: Float64Array | number[]): number {
  let top = 0;
  for (let k = 1; k < eta.length; k++) if ((eta[k] as number) > top) top = eta[k] as number;
  let total = 0;
  for (let k = 0; k < eta.length; k++) {
    const e = Math.exp((eta[k] as number) - top);
    eta[k] = e;
    total += e;
  }
  for (let k = 0; k < eta.length; k++) eta[k] = (eta[k] as number) / total;
  return top + Math.log(total);
}

/** Softmax of row i's linear predictors into `out` (length K); returns log Σ exp(η) (for the log-likelihood). */
function softmax(problem: Problem, i: number, beta: Float64Array, out: Float64Array): number {
  out[0] = 0;
  for (let k = 1; k < problem.classes; k++) out[k] = linearPredictor(problem, i, k, beta);
  return normalizeSoftmax(out);
}

function logLik(problem: Problem, beta: Float64Array, scratch: Float64Array): number {
  let ll = 0;
  for (let i = 0; i < problem.n; i++) {
    const lse = softmax(problem, i, beta, scratch);
    const c = problem.y[i] as number;
    ll += (c > 0 ? linearPredictor(problem, i, c, beta) : 0) - lse;
  }
  return ll;
}

function penalisedObjective(
  problem: Problem,
  beta: Float64Array,
  penalty: Float64Array,
  scratch: Float64Array,
): number {
  let pen = 0;
  for (let d = 0; d < beta.length; d++) pen += (penalty[d] as number) * (beta[d] as number) ** 2;
  return -logLik(problem, beta, scratch) + pen / 2;
}
