import {assertSameLength} from "./assertFinite.js";

/**
 * R's `lowess(x, y, f, iter = 0)` (stats 4.x, Cleveland 1979's LOWESS as its clowess C routine computes it): the
 * points sorted by x, each fitted by a tricube-weighted local linear regression on its ⌊f·n⌋ nearest neighbours
 * (at least 2), fits skipped and linearly interpolated within delta = 1% of the range of x, as R does. No robustness
 * iterations (iter = 0): what `rms::calibrate` smooths a calibration curve with. Returns the sorted x and the fitted
 * values, as R's list(x, y). Pure: Node and the browser.
 */
export function lowess(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  {f = 2 / 3}: {f?: number} = {},
): {x: number[]; y: number[]} {
  assertSameLength(x, y, "x and y");
  const n = x.length;
  if (n === 0) throw new RangeError("lowess: no points");
  if (!(f > 0)) throw new RangeError(`lowess: f must be > 0, not ${f}`);
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) throw new RangeError(`lowess: point ${i} is not finite`);
  // R orders by x (a stable order: ties keep their input order).
  const order = Array.from({length: n}, (_, i) => i).sort((a, b) => (x[a] as number) - (x[b] as number) || a - b);
  const xs = order.map((i) => x[i] as number);
  const ys = order.map((i) => y[i] as number);
  const fitted = new Array<number>(n).fill(0);
  if (n < 2) {
    fitted[0] = ys[0] as number;
    return {x: xs, y: fitted};
  }
  const delta = 0.01 * ((xs[n - 1] as number) - (xs[0] as number));
  const ns = Math.max(2, Math.min(n, Math.floor(f * n + 1e-7)));
  const w = new Array<number>(n).fill(0);
  let nleft = 0;
  let nright = ns - 1;
  let last = -1;
  let i = 0;
  for (;;) {
    if (nright < n - 1) {
      const d1 = (xs[i] as number) - (xs[nleft] as number);
      const d2 = (xs[nright + 1] as number) - (xs[i] as number);
      if (d1 > d2) {
        nleft++;
        nright++;
        continue;
      }
    }
    const local = lowest(xs, ys, n, xs[i] as number, nleft, nright, w);
    fitted[i] = local ?? (ys[i] as number);
    if (last < i - 1) {
      const denom = (xs[i] as number) - (xs[last] as number);
      for (let j = last + 1; j < i; j++) {
        const alpha = ((xs[j] as number) - (xs[last] as number)) / denom;
        fitted[j] = alpha * (fitted[i] as number) + (1 - alpha) * (fitted[last] as number);
      }
    }
    last = i;
    const cut = (xs[last] as number) + delta;
    for (i = last + 1; i < n; i++) {
      if ((xs[i] as number) > cut) break;
      if (xs[i] === xs[last]) {
        fitted[i] = fitted[last] as number;
        last = i;
      }
    }
    i = Math.max(last + 1, i - 1);
    if (last >= n - 1) break;
  }
  return {x: xs, y: fitted};
}

/** clowess's `lowest`: the local linear fit at xs over points nleft…nright, or null when no point has weight. */
function lowest(
  x: readonly number[],
  y: readonly number[],
  n: number,
  xs: number,
  nleft: number,
  nright: number,
  w: number[],
): number | null {
  const range = (x[n - 1] as number) - (x[0] as number);
  const h = Math.max(xs - (x[nleft] as number), (x[nright] as number) - xs);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  let j = nleft;
  while (j < n) {
    w[j] = 0;
    const r = Math.abs((x[j] as number) - xs);
    if (r <= h9) {
      w[j] = r <= h1 ? 1 : (1 - (r / h) ** 3) ** 3;
      a += w[j] as number;
    } else if ((x[j] as number) > xs) break;
    j++;
  }
  const nrt = j - 1;
  if (a <= 0) return null;
  for (j = nleft; j <= nrt; j++) w[j] = (w[j] as number) / a;
  if (h > 0) {
    a = 0;
    for (j = nleft; j <= nrt; j++) a += (w[j] as number) * (x[j] as number);
    let b = xs - a;
    let c = 0;
    for (j = nleft; j <= nrt; j++) c += (w[j] as number) * ((x[j] as number) - a) ** 2;
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (j = nleft; j <= nrt; j++) w[j] = (w[j] as number) * (b * ((x[j] as number) - a) + 1);
    }
  }
  let fit = 0;
  for (j = nleft; j <= nrt; j++) fit += (w[j] as number) * (y[j] as number);
  return fit;
}

/**
 * R's approx(x, y, xout, rule = 1, ties = first): linear interpolation of points sorted by x, null outside
 * [min x, max x]; tied x values keep the first y.
 */
export function approxLinear(
  x: readonly number[],
  y: readonly number[],
  xout: readonly number[],
): Array<number | null> {
  const ux: number[] = [];
  const uy: number[] = [];
  x.forEach((v, i) => {
    if (ux.length > 0 && ux[ux.length - 1] === v) return;
    ux.push(v);
    uy.push(y[i] as number);
  });
  return xout.map((v) => {
    if (ux.length === 0 || v < (ux[0] as number) || v > (ux[ux.length - 1] as number)) return null;
    let lo = 0;
    let hi = ux.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((ux[mid] as number) <= v) lo = mid;
      else hi = mid;
    }
    if (v === ux[hi]) return uy[hi] as number;
    const x0 = ux[lo] as number;
    const x1 = ux[hi] as number;
    return x1 === x0
      ? (uy[lo] as number)
      : (uy[lo] as number) + ((uy[hi] as number) - (uy[lo] as number)) * ((v - x0) / (x1 - x0));
  });
}
