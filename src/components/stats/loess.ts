import {assertFinite, assertSameLength} from "./assertFinite.js";
import {cholesky, choleskySolve} from "./cholesky.js";

export interface LoessOptions {
  /** Fraction of the points in each local neighbourhood (R's `span`, default 0.75). */
  span?: number;
  /** Degree of the local polynomial, 0, 1 or 2 (R's default 2). */
  degree?: 0 | 1 | 2;
}

export interface Loess {
  /** Smoothed values at each input x. */
  fitted: number[];
  /** Evaluates the smooth at new x (a local fit centred at each). */
  predict(at: ArrayLike<number>): number[];
  /** Points per neighbourhood, ⌊n·span + 1e-5⌋ capped at n. */
  neighbours: number;
}

/**
 * Local polynomial regression of y on one x (Cleveland's loess, family "gaussian"), computed exactly at every point:
 * R `loess(y ~ x, span, degree, family = "gaussian", control = loess.control(surface = "direct"))`. R's default
 * surface = "interpolate" evaluates exactly only at the vertices of a k-d tree and interpolates between them, an
 * approximation (differences of order 1e-3) that is not worth reproducing here.
 * At each x₀ the q = ⌊n·span⌋ nearest points get tricube weights (1 − (d/h)³)³, h the q-th smallest distance
 * (times span when span > 1, on squared distances as R does), and a weighted least-squares polynomial in (x − x₀)
 * gives the value at x₀. Where a neighbourhood holds too few distinct x for the degree (R would use a
 * pseudo-inverse), the degree is lowered there. Used for the smoothed calibration curve (y = outcome, x = predicted
 * probability). Throws RangeError for NaN, different lengths, fewer than 2 points, or a span too small for one point.
 */
export function loess(x: ArrayLike<number>, y: ArrayLike<number>, {span = 0.75, degree = 2}: LoessOptions = {}): Loess {
  assertSameLength(x, y, "x and y");
  assertFinite(x, "x");
  assertFinite(y, "y");
  if (!(span > 0 && Number.isFinite(span))) throw new RangeError(`span must be a positive number, not ${span}`);
  if (degree !== 0 && degree !== 1 && degree !== 2)
    throw new RangeError(`degree must be 0, 1 or 2, not ${String(degree)}`);
  const n = x.length;
  if (n < 2) throw new RangeError(`loess needs at least 2 points, not ${n}`);
  const q = Math.min(n, Math.floor(n * span + 1e-5));
  if (q < 1) throw new RangeError(`span ${span} is too small for ${n} points`);
  const xs = Float64Array.from(x);
  const ys = Float64Array.from(y);
  const dist = new Float64Array(n);
  const order = new Uint32Array(n);
  const at = (x0: number): number => {
    for (let i = 0; i < n; i++) {
      dist[i] = ((xs[i] as number) - x0) ** 2;
      order[i] = i;
    }
    order.sort((a, b) => (dist[a] as number) - (dist[b] as number));
    const rho = (dist[order[q - 1] as number] as number) * Math.max(1, span);
    if (!(rho > 0)) throw new RangeError(`loess: all ${q} nearest points of x = ${x0} coincide with it; increase span`);
    for (let d = degree; d >= 0; d--) {
      const v = localFit(xs, ys, order, dist, q, rho, x0, d);
      if (v !== null) return v;
    }
    throw new RangeError(`loess: no weighted point near x = ${x0}`);
  };
  const fitted = Array.from(xs, at);
  const predict = (points: ArrayLike<number>): number[] => {
    assertFinite(points, "points");
    return Array.from(points, at);
  };
  return {fitted, predict, neighbours: q};
}

/** Weighted least squares of y on (1, x − x₀, …) over the q nearest points; the intercept, or null if singular. */
function localFit(
  xs: Float64Array,
  ys: Float64Array,
  order: Uint32Array,
  dist: Float64Array,
  q: number,
  rho: number,
  x0: number,
  degree: number,
): number | null {
  const m = degree + 1;
  const ata = new Float64Array(m * m);
  const aty = new Float64Array(m);
  const scale = new Float64Array(m);
  const row = new Float64Array(m);
  // Columns are equilibrated (scaled to unit norm) first, as R does before its QR, so the powers of small (x − x₀)
  // do not make the normal equations needlessly ill-conditioned.
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k < q; k++) {
      const i = order[k] as number;
      const w = (1 - Math.sqrt((dist[i] as number) / rho) ** 3) ** 3;
      if (w <= 0) continue;
      const dx = (xs[i] as number) - x0;
      for (let a = 0, p = 1; a < m; a++, p *= dx) row[a] = p;
      if (pass === 0) {
        for (let a = 0; a < m; a++) scale[a] = (scale[a] as number) + w * (row[a] as number) ** 2;
        continue;
      }
      for (let a = 0; a < m; a++) {
        const ra = (row[a] as number) / (scale[a] as number);
        aty[a] = (aty[a] as number) + w * ra * (ys[i] as number);
        for (let b = 0; b < m; b++)
          ata[a * m + b] = (ata[a * m + b] as number) + (w * ra * (row[b] as number)) / (scale[b] as number);
      }
    }
    if (pass === 0) {
      for (let a = 0; a < m; a++) {
        if (!((scale[a] as number) > 0)) return null;
        scale[a] = Math.sqrt(scale[a] as number);
      }
    }
  }
  const l = cholesky(ata, m);
  if (l === null) return null;
  // Relative pivot check: R treats singular values below 100·ε·σ₁ as zero; the Cholesky threshold is stricter, so
  // also refuse a fit whose smallest pivot is tiny relative to the largest (few distinct x in the neighbourhood).
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (let a = 0; a < m; a++) {
    lo = Math.min(lo, l[a * m + a] as number);
    hi = Math.max(hi, l[a * m + a] as number);
  }
  if (lo < 1e-7 * hi) return null;
  return (choleskySolve(l, m, aty)[0] as number) / (scale[0] as number);
}
