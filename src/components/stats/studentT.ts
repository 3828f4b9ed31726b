import {regularizedBeta} from "./incompleteBeta.js";

/**
 * Student's t distribution with `df` > 0 degrees of freedom (real df allowed): `studentTSurvival(t, df)` = P(T > t)
 * is R `pt(t, df, lower.tail = FALSE)`, `studentTCdf` is `pt(t, df)` and `studentTQuantile(p, df)` is `qt(p, df)`.
 * The tail P(T > |t|) = I_{df/(df+t²)}(df/2, 1/2)/2 is computed directly, so a small tail keeps its relative accuracy.
 * The quantile is found by bisection on that tail to the last representable bit (the tail is monotone), which is
 * plenty fast for the few quantiles an interval needs. Throws RangeError for NaN, df ≤ 0 or p outside [0, 1].
 */
export function studentTSurvival(t: number, df: number): number {
  check(t, df, "studentTSurvival");
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}

export function studentTCdf(t: number, df: number): number {
  check(t, df, "studentTCdf");
  return studentTSurvival(-t, df);
}

export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile(p, df) needs p in [0, 1], not ${p}`);
  check(0, df, "studentTQuantile");
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // By symmetry solve P(T > x) = q for the smaller tail q, x > 0.
  const q = p < 0.5 ? p : 1 - p;
  let hi = 1;
  while (studentTSurvival(hi, df) > q) {
    hi *= 2;
    if (!Number.isFinite(hi)) return p < 0.5 ? -Infinity : Infinity;
  }
  let lo = 0;
  for (let i = 0; i < 2000; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) break;
    if (studentTSurvival(mid, df) > q) lo = mid;
    else hi = mid;
  }
  const x = lo + (hi - lo) / 2;
  return p < 0.5 ? -x : x;
}

function check(t: number, df: number, name: string): void {
  if (Number.isNaN(t)) throw new RangeError(`${name} needs a number, not NaN`);
  if (!(df > 0)) throw new RangeError(`${name} needs df > 0, not ${df}`);
}
