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
