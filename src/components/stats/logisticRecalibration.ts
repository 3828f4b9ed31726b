import {expit} from "./logitScale.js";

/**
 * The logistic recalibration fit logit π = a + b·x of a binary outcome y on a linear predictor x, by Newton–Raphson
 * from (0, 1) to relative steps below 1e-13 (R `glm(y ~ x, binomial)`, rms `lrm.fit(x, y)`), with its deviance. Null
 * when it has no finite maximum: complete separation (every fitted probability within 1e-8 of its outcome, where
 * Newton would stall at an arbitrary point), a singular information matrix, or divergence. The calibration slope
 * (calibration.ts) and rms::validate's indexes (logisticValidation.ts) both read it.
 */
export function logisticRecalibration(
  y: ArrayLike<number>,
  x: ArrayLike<number>,
): {a: number; b: number; deviance: number} | null {
  let a = 0;
  let b = 1;
  for (let iter = 0; iter < 200; iter++) {
    let g0 = 0;
    let g1 = 0;
    let h00 = 0;
    let h01 = 0;
    let h11 = 0;
    for (let i = 0; i < y.length; i++) {
      const v = x[i] as number;
      const pi = expit(a + b * v);
      const r = (y[i] as number) - pi;
      const w = pi * (1 - pi);
      g0 += r;
      g1 += r * v;
      h00 += w;
      h01 += w * v;
      h11 += w * v * v;
    }
    const det = h00 * h11 - h01 * h01;
    if (!(Math.abs(det) > 0)) return null;
    const da = (h11 * g0 - h01 * g1) / det;
    const db = (h00 * g1 - h01 * g0) / det;
    a += da;
    b += db;
    if (!Number.isFinite(a) || !Number.isFinite(b) || Math.abs(b) > 1e6) return null;
    if (Math.abs(da) < 1e-13 * Math.max(1, Math.abs(a)) && Math.abs(db) < 1e-13 * Math.max(1, Math.abs(b))) {
      let deviance = 0;
      let separated = true;
      for (let i = 0; i < y.length; i++) {
        const eta = a + b * (x[i] as number);
        const t = y[i] as number;
        if (Math.abs(t - expit(eta)) > 1e-8) separated = false;
        deviance += -2 * (t * eta - softplus(eta));
      }
      return separated ? null : {a, b, deviance};
    }
  }
  return null;
}

/** log(1 + e^v), without overflow. */
export const softplus = (v: number) => (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v)));
