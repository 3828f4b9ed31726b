import {assertFinite, assertSameLength} from "../assertFinite.js";
import {chiSquareSurvival} from "../chiSquare.js";
import {checkLevel} from "../delong.js";
import {normalQuantile, normalSurvival} from "../normal.js";
import {checkSurvival, type SurvivalTimes, timeOrder} from "./survivalData.js";

export interface CoxPhOptions {
  /** Level of the hazard-ratio interval (R `summary(fit, conf.int = …)`), default 0.95. */
  ciLevel?: number;
  /** Newton–Raphson iterations (`coxph.control(iter.max)`), default 20. */
  maxIter?: number;
  /** Convergence on the relative change of the log partial likelihood (`coxph.control(eps)`), default 1e-9. */
  eps?: number;
}

export interface CoxPh {
  coef: number;
  /** √ of the inverse information at `coef` (`sqrt(fit$var)`). */
  se: number;
  /** exp(coef): the hazard ratio per unit of x. */
  hr: number;
  /** exp(coef ∓ z·se). */
  ci: [number, number];
  /** Wald test: z = coef/se, chisq = z², two-sided p. */
  wald: {z: number; chisq: number; p: number};
  /** Likelihood-ratio test 2·(loglik[1] − loglik[0]) on 1 df. */
  lrt: {chisq: number; p: number};
  /** Score (log-rank) test at coef = 0 on 1 df (`fit$score`). */
  score: {chisq: number; p: number};
  /** Log partial likelihood at 0 and at `coef` (`fit$loglik`). */
  loglik: [number, number];
  n: number;
  events: number;
  iterations: number;
  /** false when maxIter ran out (R warns); the last improving coefficient is returned, as R does. */
  converged: boolean;
}

/**
 * Cox proportional-hazards model with one numeric covariate (a 0/1 group is just a numeric x), as R
 * `coxph(Surv(time, event) ~ x)` with its defaults: Efron's handling of tied event times, and coxfit6.c's
 * Newton–Raphson from 0 (step halving when the log likelihood falls, convergence when |1 − ℓ_old/ℓ_new| ≤ eps, at
 * most maxIter iterations). As coxph, x is centred and scaled internally unless all its values are in {−1, 0, 1}
 * (`nocenter`); Newton's method is invariant to that, so it only matters for rounding, and is copied so the
 * iterations (and so the reported coefficient, not just the limit) are R's.
 * Throws RangeError for bad data, a non-finite x, no events, or a constant x (R returns an NA coefficient).
 */
export function coxPh(
  data: SurvivalTimes,
  x: ArrayLike<number>,
  {ciLevel = 0.95, maxIter = 20, eps = 1e-9}: CoxPhOptions = {},
): CoxPh {
  checkLevel(ciLevel);
  if (!Number.isInteger(maxIter) || maxIter < 0) throw new RangeError(`maxIter must be an integer ≥ 0, not ${maxIter}`);
  const {time, event} = checkSurvival(data);
  assertFinite(x, "x");
  assertSameLength(time, x, "data.time and x");
  const n = time.length;
  let events = 0;
  for (let i = 0; i < n; i++) events += event[i] as number;
  if (events === 0) throw new RangeError("coxPh needs at least one event");
  const xs = Float64Array.from(x);
  if (xs.every((v) => v === xs[0])) throw new RangeError("coxPh: x is constant, its coefficient is not identifiable");

  // coxph's centring and scaling (coxfit6.c), skipped for a covariate with values in {-1, 0, 1} only.
  let scale = 1;
  if (!xs.every((v) => v === -1 || v === 0 || v === 1)) {
    let mean = 0;
    for (const v of xs) mean += v;
    mean /= n;
    let abs = 0;
    for (let i = 0; i < n; i++) {
      xs[i] = (xs[i] as number) - mean;
      abs += Math.abs(xs[i] as number);
    }
    scale = abs > 0 ? n / abs : 1;
    for (let i = 0; i < n; i++) xs[i] = (xs[i] as number) * scale;
  }
  const order = timeOrder(time);
  const step = (beta: number) => efronDerivatives(time, event, xs, order, beta);

  let beta = 0;
  let d = step(beta);
  const loglik0 = d.loglik;
  const a = d.imat > 0 ? d.u / d.imat : 0;
  const scoreChisq = d.u * a;
  let best = loglik0; // loglik at `beta`, the best so far
  let newBeta = beta + a;
  let halving = 0;
  let converged = false;
  let iterations = 0;
  let variance = 0;
  if (maxIter === 0 || !Number.isFinite(loglik0)) {
    variance = d.imat > 0 ? 1 / d.imat : 0;
    converged = maxIter === 0;
  } else {
    for (iterations = 1; iterations <= maxIter; iterations++) {
      d = step(newBeta);
      const finite = Number.isFinite(d.u) && Number.isFinite(d.imat) && Number.isFinite(d.loglik);
      if (finite && Math.abs(1 - best / d.loglik) <= eps) {
        best = d.loglik;
        beta = newBeta;
        variance = d.imat > 0 ? 1 / d.imat : 0;
        converged = true;
        break;
      }
      if (!finite || d.loglik < best) {
        halving++; // not improving: step back towards the last good beta, more so each time
        newBeta = (newBeta + halving * beta) / (halving + 1);
      } else {
        halving = 0;
        best = d.loglik;
        beta = newBeta;
        newBeta += d.imat > 0 ? d.u / d.imat : 0;
      }
    }
    if (!converged) {
      iterations = maxIter;
      // As coxfit6.c: recompute at the last good beta (unless maxIter = 1, when R keeps the last evaluation).
      if (maxIter > 1) {
        d = step(beta);
        best = d.loglik;
      }
      variance = d.imat > 0 ? 1 / d.imat : 0;
    }
  }
  const coef = beta * scale;
  const se = Math.sqrt(variance * scale * scale);
  const z = coef / se;
  const q = normalQuantile(1 - (1 - ciLevel) / 2);
  const lrtChisq = 2 * (best - loglik0);
  return {
    coef,
    se,
    hr: Math.exp(coef),
    ci: [Math.exp(coef - q * se), Math.exp(coef + q * se)],
    wald: {z, chisq: z * z, p: 2 * normalSurvival(Math.abs(z))},
    lrt: {chisq: lrtChisq, p: chiSquareSurvival(lrtChisq, 1)},
    score: {chisq: scoreChisq, p: chiSquareSurvival(scoreChisq, 1)},
    loglik: [loglik0, best],
    n,
    events,
    iterations,
    converged,
  };
}

interface Derivatives {
  loglik: number;
  /** Score U(β). */
  u: number;
  /** Information −∂²ℓ/∂β². */
  imat: number;
}

/**
 * Efron log partial likelihood, score and information at beta (coxfit6_iter with one covariate): walking backwards
 * in time, the d deaths at a time enter the risk-set sums in d equal fractions, the k-th term using the censored and
 * later subjects plus k/d of the tied deaths.
 */
function efronDerivatives(
  time: Float64Array,
  event: Uint8Array,
  x: Float64Array,
  order: Uint32Array,
  beta: number,
): Derivatives {
  let loglik = 0;
  let u = 0;
  let imat = 0;
  let denom = 0; // Σ risk over the risk set
  let a = 0; // Σ risk·x
  let c = 0; // Σ risk·x²
  for (let i = order.length - 1; i >= 0; ) {
    const t = time[order[i] as number] as number;
    let ndead = 0;
    let denom2 = 0;
    let a2 = 0;
    let c2 = 0;
    for (; i >= 0 && time[order[i] as number] === t; i--) {
      const p = order[i] as number;
      const xp = x[p] as number;
      const zbeta = beta * xp;
      const risk = Math.exp(zbeta);
      if (event[p] === 0) {
        denom += risk;
        a += risk * xp;
        c += risk * xp * xp;
      } else {
        ndead++;
        denom2 += risk;
        loglik += zbeta;
        u += xp;
        a2 += risk * xp;
        c2 += risk * xp * xp;
      }
    }
    if (ndead === 0) continue;
    // Efron: with d tied deaths, d terms, the k-th with (k/d) of the deaths' sums added (Breslow when d = 1).
    for (let k = 0; k < ndead; k++) {
      denom += denom2 / ndead;
      a += a2 / ndead;
      c += c2 / ndead;
      loglik -= Math.log(denom);
      const mean = a / denom;
      u -= mean;
      imat += (c - mean * a) / denom;
    }
  }
  return {loglik, u, imat};
}
