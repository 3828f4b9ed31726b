import {regularizedGammaP, regularizedGammaQ} from "./gamma.js";

/**
 * Chi-square distribution with `df` > 0 degrees of freedom.
 * `chiSquareSurvival(x, df)` = P(X > x) is R `pchisq(x, df, lower.tail = FALSE)`; `chiSquareCdf` is `pchisq(x, df)`.
 * x ≤ 0 gives survival 1. Throws RangeError for NaN x or df ≤ 0.
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (Number.isNaN(x)) throw new RangeError("chiSquareSurvival(x, df) needs a number x, not NaN");
  if (!(df > 0)) throw new RangeError(`chiSquareSurvival(x, df) needs df > 0, not ${df}`);
  return x <= 0 ? 1 : regularizedGammaQ(df / 2, x / 2);
}

export function chiSquareCdf(x: number, df: number): number {
  if (Number.isNaN(x)) throw new RangeError("chiSquareCdf(x, df) needs a number x, not NaN");
  if (!(df > 0)) throw new RangeError(`chiSquareCdf(x, df) needs df > 0, not ${df}`);
  return x <= 0 ? 0 : regularizedGammaP(df / 2, x / 2);
}

/**
 * The p quantile of χ² with `df` > 0 degrees of freedom, R `qchisq(p, df)`: 0 at p = 0, +∞ at 1. Found by bisection
 * on the smaller tail (the CDF below the median, the survival above it, so an extreme p keeps its relative accuracy)
 * to the last representable bit. Throws RangeError for p outside [0, 1] or df ≤ 0.
 */
export function chiSquareQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`chiSquareQuantile(p, df) needs p in [0, 1], not ${p}`);
  if (!(df > 0)) throw new RangeError(`chiSquareQuantile(p, df) needs df > 0, not ${df}`);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  const below = (x: number) => (p < 0.5 ? chiSquareCdf(x, df) < p : chiSquareSurvival(x, df) > 1 - p);
  let hi = Math.max(1, df);
  while (below(hi)) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 2000; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) break;
    if (below(mid)) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}
