import {assertFinite} from "./assertFinite.js";

/**
 * The p-quantile of `values` by Hyndman & Fan type 7, R's default `quantile(x, p, type = 7)`:
 * with sorted x₁…xₙ, h = (n − 1)p, the result is (1 − f)·x⌊h⌋ + f·x⌊h⌋₊₁ with f = h − ⌊h⌋ (0-based indices).
 * Empty input → undefined. NaN in values or p outside [0, 1] → RangeError. Does not mutate `values`.
 */
export function quantile(values: ArrayLike<number>, p: number): number | undefined {
  assertFinite(values, "values");
  if (values.length === 0) return undefined;
  return quantileSorted(Float64Array.from(values).sort(), p);
}

/** As `quantile`, for values already sorted ascending (not checked, for speed in bootstrap loops). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | undefined {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1], not ${p}`);
  const n = sorted.length;
  if (n === 0) return undefined;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  if (lo + 1 >= n) return a;
  const b = sorted[lo + 1] as number;
  const f = h - lo;
  return f === 0 || a === b ? a : (1 - f) * a + f * b; // R's form of the interpolation
}
