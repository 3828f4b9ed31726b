import {assertFinite, assertSameLength} from "./assertFinite.js";
import {chiSquareQuantile} from "./chiSquare.js";
import {checkLevel} from "./delong.js";

export interface Tau2Interval {
  /** Q-profile interval of the between-study variance τ². */
  tau2: [number, number];
  /** The I² (percent) and H² bounds it implies, 100·τ²/(τ² + s²) and τ²/s² + 1 with s² the typical within-study variance. */
  I2: [number, number];
  H2: [number, number];
  /** The upper bound is the search limit (the generalized Q still exceeds its critical value there). */
  upperAtLimit: boolean;
}

/**
 * Q-profile confidence interval for τ² (Viechtbauer, Stat Med 2007), matching R `confint(rma(yi, vi))$random`
 * (metafor's type = "QP"): the generalized Q(τ²) = Σwᵢ(yᵢ − μ̂(τ²))², wᵢ = 1/(vᵢ + τ²), falls with τ², and the bounds
 * are where it crosses the χ²(k − 1) quantiles 1 − α/2 (lower bound) and α/2 (upper bound). Like metafor, the search
 * runs over [0, max(100, 10·τ̂²)] (`tau2Hat` the fitted τ²); a bound whose crossing lies below 0 is 0 (both are 0 when
 * even Q(0) is below the α/2 quantile: the data are more homogeneous than chance), one beyond the limit is the limit.
 * Found by bisection to the last bit (metafor's uniroot stops at its tol). Null for k < 2.
 */
export function tau2QProfile(
  yi: ArrayLike<number>,
  vi: ArrayLike<number>,
  tau2Hat: number,
  ciLevel = 0.95,
): Tau2Interval | null {
  assertSameLength(yi, vi, "yi and vi");
  assertFinite(yi, "yi");
  assertFinite(vi, "vi");
  checkLevel(ciLevel);
  if (!(tau2Hat >= 0)) throw new RangeError(`tau2QProfile: tau2Hat must be ≥ 0, not ${tau2Hat}`);
  const k = yi.length;
  if (k < 2) return null;
  for (let i = 0; i < k; i++) if (!((vi[i] as number) > 0)) throw new RangeError(`vi[${i}] must be > 0, not ${vi[i]}`);
  const Q = (tau2: number) => {
    let sw = 0;
    let swy = 0;
    for (let i = 0; i < k; i++) {
      const w = 1 / ((vi[i] as number) + tau2);
      sw += w;
      swy += w * (yi[i] as number);
    }
    const mu = swy / sw;
    let q = 0;
    for (let i = 0; i < k; i++) q += ((yi[i] as number) - mu) ** 2 / ((vi[i] as number) + tau2);
    return q;
  };
  const alpha = 1 - ciLevel;
  const critUpper = chiSquareQuantile(1 - alpha / 2, k - 1);
  const critLower = chiSquareQuantile(alpha / 2, k - 1);
  const limit = Math.max(100, 10 * tau2Hat);
  const qMin = Q(0);
  const qMax = Q(limit);
  // The τ² in [0, limit] where Q crosses `crit` (Q decreasing), by bisection.
  const crossing = (crit: number) => {
    let lo = 0;
    let hi = limit;
    for (let i = 0; i < 2000; i++) {
      const mid = lo + (hi - lo) / 2;
      if (mid === lo || mid === hi) break;
      if (Q(mid) > crit) lo = mid;
      else hi = mid;
    }
    return lo + (hi - lo) / 2;
  };
  let lower: number;
  let upper: number;
  if (qMin < critLower) {
    lower = 0;
    upper = 0;
  } else {
    upper = qMax > critLower ? limit : crossing(critLower);
    lower = qMax > critUpper ? limit : qMin < critUpper ? 0 : crossing(critUpper);
  }
  let sw = 0;
  let sw2 = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / (vi[i] as number);
    sw += w;
    sw2 += w * w;
  }
  const typical = ((k - 1) * sw) / (sw * sw - sw2);
  const I2 = (t: number) => (100 * t) / (typical + t);
  const H2 = (t: number) => t / typical + 1;
  return {
    tau2: [lower, upper],
    I2: [I2(lower), I2(upper)],
    H2: [H2(lower), H2(upper)],
    upperAtLimit: upper === limit && qMax > critLower,
  };
}
