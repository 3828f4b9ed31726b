import {assertBinary, assertFinite, assertSameLength} from "./assertFinite.js";
import {logisticRecalibration} from "./logisticRecalibration.js";

export interface CalibrationBin {
  /** Bin edges [lo, hi); the last bin includes 1. */
  lo: number;
  hi: number;
  n: number;
  meanPredicted: number;
  observed: number;
}

export interface Calibration {
  /** Equal-width bins over [0, 1]; empty bins are omitted. */
  bins: CalibrationBin[];
  /** Calibration-in-the-large: a in logit π = a + logit(p) (R `glm(y ~ offset(qlogis(p)), binomial)`). */
  intercept: number | null;
  /** Calibration slope: b in logit π = a + b·logit(p) (R `glm(y ~ qlogis(p), binomial)`). */
  slope: number | null;
  /** Mean squared error (p − y)². */
  brier: number | null;
  /** 1 − Brier/(ȳ(1 − ȳ)); null when all outcomes are equal. */
  scaledBrier: number | null;
  n: number;
  note?: string;
}

export interface CalibrationOptions {
  bins?: number;
  /** Probabilities are clamped to [ε, 1 − ε] before the logit (R would give ±Inf and fail). Default 1e-12. */
  epsilon?: number;
}

/**
 * Calibration of predicted probabilities against a binary outcome: reliability bins, logistic recalibration
 * intercept and slope by Newton–Raphson / IRLS (converged to 1e-13), Brier and scaled Brier scores.
 * Empty input → all null. A single class or perfect separation (no finite maximum-likelihood estimate) → intercept
 * and/or slope null with a `note`. NaN or a probability outside [0, 1] → RangeError naming the index.
 */
export function calibration(
  outcome: ArrayLike<number | boolean>,
  probability: ArrayLike<number>,
  {bins = 10, epsilon = 1e-12}: CalibrationOptions = {},
): Calibration {
  assertSameLength(outcome, probability, "outcome and probability");
  assertBinary(outcome, "outcome");
  assertFinite(probability, "probability");
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, not ${bins}`);
  const n = probability.length;
  const y = new Float64Array(n);
  const offset = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = probability[i] as number;
    if (p < 0 || p > 1) throw new RangeError(`probability[${i}] must be in [0, 1], not ${p}`);
    y[i] = outcome[i] === 1 || outcome[i] === true ? 1 : 0;
    const c = Math.min(1 - epsilon, Math.max(epsilon, p));
    offset[i] = Math.log(c / (1 - c));
  }
  if (n === 0) return {bins: [], intercept: null, slope: null, brier: null, scaledBrier: null, n};
  const sums = Array.from({length: bins}, () => ({n: 0, p: 0, y: 0}));
  let brier = 0;
  let events = 0;
  for (let i = 0; i < n; i++) {
    const p = probability[i] as number;
    const b = sums[Math.min(bins - 1, Math.floor(p * bins))] as {n: number; p: number; y: number};
    b.n++;
    b.p += p;
    b.y += y[i] as number;
    brier += (p - (y[i] as number)) ** 2;
    events += y[i] as number;
  }
  brier /= n;
  const ybar = events / n;
  const scaledBrier = ybar === 0 || ybar === 1 ? null : 1 - brier / (ybar * (1 - ybar));
  const binList = sums.flatMap((b, k) =>
    b.n === 0 ? [] : [{lo: k / bins, hi: (k + 1) / bins, n: b.n, meanPredicted: b.p / b.n, observed: b.y / b.n}],
  );
  if (events === 0 || events === n) {
    return {
      bins: binList,
      intercept: null,
      slope: null,
      brier,
      scaledBrier,
      n,
      note: "single outcome class: no recalibration fit",
    };
  }
  const intercept = fitIntercept(y, offset);
  const slope = fitSlope(y, offset);
  const result: Calibration = {bins: binList, intercept, slope, brier, scaledBrier, n};
  if (intercept === null || slope === null) result.note = "logistic recalibration did not converge (separation)";
  return result;
}

function expit(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/**
 * Complete separation: every fitted probability within 1e-8 of its outcome. The likelihood then has no finite
 * maximum; Newton stalls where the fitted values saturate, so a "converged" estimate would be arbitrary.
 */
function separated(y: Float64Array, linear: (i: number) => number): boolean {
  for (let i = 0; i < y.length; i++) if (Math.abs((y[i] as number) - expit(linear(i))) > 1e-8) return false;
  return true;
}

/** Newton–Raphson for a in logit π = a + o. */
function fitIntercept(y: Float64Array, o: Float64Array): number | null {
  let a = 0;
  for (let iter = 0; iter < 200; iter++) {
    let score = 0;
    let info = 0;
    for (let i = 0; i < y.length; i++) {
      const pi = expit(a + (o[i] as number));
      score += (y[i] as number) - pi;
      info += pi * (1 - pi);
    }
    if (info === 0) return null;
    const step = score / info;
    a += step;
    if (!Number.isFinite(a) || Math.abs(a) > 1e6) return null;
    if (Math.abs(step) < 1e-13 * Math.max(1, Math.abs(a))) return separated(y, (i) => a + (o[i] as number)) ? null : a;
  }
  return null;
}

/** The slope b of logit π = a + b·o (logisticRecalibration.ts). */
function fitSlope(y: Float64Array, o: Float64Array): number | null {
  return logisticRecalibration(y, o)?.b ?? null;
}
