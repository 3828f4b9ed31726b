import {logGamma} from "./gamma.js";

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b)/B(a, b), for Student's t (studentT.ts).
 * The continued fraction (modified Lentz, Numerical Recipes §6.4, rederived) converges fast for x < (a + 1)/(a + b + 2);
 * above that I_x(a, b) = 1 − I_{1−x}(b, a) is used, so the fraction always evaluates the smaller tail directly and a
 * tiny tail keeps its relative accuracy. Throws RangeError for x outside [0, 1] or a, b not finite and > 0.
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1)) throw new RangeError(`regularizedBeta(x, a, b) needs x in [0, 1], not ${x}`);
  for (const [name, v] of [
    ["a", a],
    ["b", b],
  ] as const) {
    if (!(v > 0) || !Number.isFinite(v))
      throw new RangeError(`regularizedBeta(x, a, b) needs finite ${name} > 0, not ${v}`);
  }
  if (x === 0) return 0;
  if (x === 1) return 1;
  return x < (a + 1) / (a + b + 2) ? lowerTail(x, a, b) : 1 - lowerTail(1 - x, b, a);
}

function lowerTail(x: number, a: number, b: number): number {
  const front = Math.exp(
    a * Math.log(x) + b * Math.log1p(-x) - (logGamma(a) + logGamma(b) - logGamma(a + b)) - Math.log(a),
  );
  return front * continuedFraction(x, a, b);
}

function continuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    // even step: d_{2m} = m(b − m)x / ((a + 2m − 1)(a + 2m))
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    // odd step: d_{2m+1} = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1))
    num = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}
