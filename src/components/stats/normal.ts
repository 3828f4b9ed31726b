/**
 * The standard normal distribution: density, lower and upper tail probabilities, and quantile.
 *
 * Accuracy (checked against R `pnorm`/`qnorm` in test/golden): relative error below 1e-13 in either tail, down to
 * the underflow of doubles (|x| ≈ 38). Method: for |x| < 2.5, Φ(x) − ½ = φ(x)·Σ x^(2k+1)/(2k+1)!! (all terms
 * positive, no cancellation); beyond, the upper tail is φ(x)·R(x) with Mills' ratio R evaluated by its continued
 * fraction (modified Lentz). φ(x) is evaluated as exp(−xh²/2)·exp(−(x−xh)(x+xh)/2), with xh = x rounded to 1/16, so
 * that the rounding of x² does not cost relative accuracy in the far tail.
 * The quantile starts from a rough rational approximation and is polished by Halley steps on the accurate tails.
 */

const INV_SQRT_2PI = 0.3989422804014327;

/** Standard normal density φ(x); 0 for |x| = ∞; NaN in, NaN out (callers validate). */
export function normalDensity(x: number): number {
  const ax = Math.abs(x);
  if (ax === Infinity) return 0;
  const xh = Math.round(ax * 16) / 16;
  return INV_SQRT_2PI * Math.exp((-xh * xh) / 2) * Math.exp((-(ax - xh) * (ax + xh)) / 2);
}

/** Upper tail Q(x) = P(Z > x) for x ≥ 0. */
function upperTailPositive(x: number): number {
  if (x < 2.5) return 0.5 - centralSeries(x);
  if (x > 40) return 0;
  // Mills' ratio R(x) = 1/(x + 1/(x + 2/(x + 3/(x + ...)))), modified Lentz.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 10000; k++) {
    d = x + k * d;
    if (d === 0) d = tiny;
    c = x + k / c;
    if (c === 0) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return normalDensity(x) / f;
}

/** Φ(x) − ½ for 0 ≤ x < 2.5, by the positive series φ(x)·(x + x³/3 + x⁵/(3·5) + …). */
function centralSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let k = 1; k < 500; k++) {
    term *= x2 / (2 * k + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return normalDensity(x) * sum;
}

/** Φ(x) = P(Z ≤ x) for a standard normal Z (R `pnorm(x)`). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  return x >= 0 ? (x < 2.5 ? 0.5 + centralSeries(x) : 1 - upperTailPositive(x)) : upperTailPositive(-x);
}

/** 1 − Φ(x) = P(Z > x), accurate in the upper tail (R `pnorm(x, lower.tail = FALSE)`). */
export function normalSurvival(x: number): number {
  return normalCdf(-x);
}

/** Rough starting point: Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4), for 0 < p ≤ 0.5, returns a value ≤ 0. */
function roughLowerQuantile(p: number): number {
  const t = Math.sqrt(-2 * Math.log(p));
  return -(
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t)
  );
}

/**
 * Φ⁻¹(p), the standard normal quantile (R `qnorm(p)`): −∞ at 0, +∞ at 1.
 * Throws RangeError for p outside [0, 1] or NaN.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile(p) needs p in [0, 1], not ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Work in the lower tail, where p carries full relative precision: x = −Φ⁻¹(1−p) by symmetry.
  const lower = p < 0.5;
  const q = lower ? p : 1 - p;
  let x = roughLowerQuantile(q);
  for (let i = 0; i < 8; i++) {
    const phi = normalDensity(x);
    if (phi === 0) break;
    const t = (normalCdf(x) - q) / phi; // Newton step
    const step = t / (1 + (x * t) / 2); // Halley correction
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return lower ? x : -x;
}
