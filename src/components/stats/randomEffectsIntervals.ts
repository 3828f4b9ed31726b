import {assertFinite, assertSameLength} from "./assertFinite.js";
import {checkLevel} from "./delong.js";
import {studentTQuantile, studentTSurvival} from "./studentT.js";

/**
 * The intervals meta-analysts report beside a random-effects estimate (randomEffects.ts), for transportability
 * (Riley, Higgins & Deeks, BMJ 2011; Debray et al., BMJ 2017): the Hartung–Knapp–Sidik–Jonkman interval of the
 * pooled mean and the prediction interval for a new centre's value.
 */

export interface HksjInterval {
  /** HKSJ standard error √(s2w / Σwᵢ), wᵢ = 1/(vᵢ + τ²). */
  se: number;
  /** The variance factor s2w = Σwᵢ(yᵢ − μ̂)²/(k − 1), not truncated at 1 (metafor's test = "knha"; "adhoc" truncates). */
  factor: number;
  /** k − 1. */
  df: number;
  /** μ̂ ± t(k − 1)·se. */
  ci: [number, number];
  t: number;
  p: number;
}

/**
 * HKSJ interval of the random-effects mean `estimate` (fitted with between-study variance `tau2`), matching R
 * `metafor::rma(yi, vi, test = "knha")`: se, ci, t, p. Like metafor the factor is 0 when Σwᵢ(yᵢ − μ̂)² ≤ machine
 * epsilon (every estimate equal), and is not truncated at 1, so with little observed spread the HKSJ interval can be
 * narrower than the Wald one. Null for k < 2 (no df). Throws RangeError for mismatched or non-finite input.
 */
export function hksjInterval(
  yi: ArrayLike<number>,
  vi: ArrayLike<number>,
  tau2: number,
  estimate: number,
  ciLevel = 0.95,
): HksjInterval | null {
  assertSameLength(yi, vi, "yi and vi");
  assertFinite(yi, "yi");
  assertFinite(vi, "vi");
  checkLevel(ciLevel);
  const k = yi.length;
  if (k < 2) return null;
  let sw = 0;
  let rss = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / ((vi[i] as number) + tau2);
    sw += w;
    rss += w * ((yi[i] as number) - estimate) ** 2;
  }
  const df = k - 1;
  const factor = rss <= Number.EPSILON ? 0 : rss / df;
  const se = Math.sqrt(factor / sw);
  const crit = studentTQuantile(1 - (1 - ciLevel) / 2, df);
  const t = estimate / se;
  return {
    se,
    factor,
    df,
    ci: [estimate - crit * se, estimate + crit * se],
    t,
    p: Number.isNaN(t) ? 1 : 2 * studentTSurvival(Math.abs(t), df),
  };
}

export interface PredictionInterval {
  /** μ̂ ± t(k − 2)·√(τ² + se²). */
  interval: [number, number];
  /** k − 2. */
  df: number;
}

/**
 * Approximate prediction interval for the true value in a new centre (Riley, Higgins & Deeks, BMJ 2011):
 * μ̂ ± t(k − 2)·√(τ² + se²), with se the pooled mean's standard error. With the ordinary (Wald) se this is R
 * `predict(rma(yi, vi), pi.type = "riley")`; with the HKSJ se, `predict(rma(yi, vi, test = "knha"), pi.type = "riley")`.
 * (metafor's default predict() under test = "knha" uses k − 1 df instead.) Null for k < 3: a t with k − 2 df needs at
 * least three estimates, and no interval is given rather than an infinite or NaN one.
 */
export function predictionInterval(
  estimate: number,
  se: number,
  tau2: number,
  k: number,
  ciLevel = 0.95,
): PredictionInterval | null {
  checkLevel(ciLevel);
  for (const [name, v] of [
    ["estimate", estimate],
    ["se", se],
    ["tau2", tau2],
  ] as const) {
    if (!Number.isFinite(v)) throw new RangeError(`predictionInterval: ${name} must be finite, not ${v}`);
  }
  if (se < 0 || tau2 < 0) throw new RangeError(`predictionInterval: se and tau2 must be ≥ 0, not ${se} and ${tau2}`);
  if (!Number.isInteger(k) || k < 3) return null;
  const df = k - 2;
  const half = studentTQuantile(1 - (1 - ciLevel) / 2, df) * Math.sqrt(tau2 + se * se);
  return {interval: [estimate - half, estimate + half], df};
}
