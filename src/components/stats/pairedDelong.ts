import {assertSameLength} from "./assertFinite.js";
import {splitBinary} from "./binaryData.js";
import {checkLevel, delongPlacements} from "./delong.js";
import {normalCdf, normalQuantile} from "./normal.js";

export interface DeLongTest {
  auc1: number;
  auc2: number;
  /** auc1 − auc2. */
  difference: number;
  /** CI of the difference: difference ∓ z·σ (pROC `ci.delong.paired`). */
  ci: [number, number];
  z: number;
  /** Two-sided p-value 2·Φ(−|z|). */
  p: number;
}

/**
 * DeLong's test for two correlated ROC curves (two scores on the same subjects), exactly pROC
 * `roc.test(roc1, roc2, method = "delong", paired = TRUE)`: z = (AUC₁ − AUC₂)/σ with σ² = L S Lᵀ, L = (1, −1),
 * S the DeLong covariance of the two AUCs. Identical curves (difference 0, σ 0) give z = 0 and p = 1, as pROC.
 * Returns null when there is a single class or fewer than two cases or controls (pROC gives NA).
 * NaN scores → RangeError naming the index.
 */
export function delongTest(
  outcome: ArrayLike<number | boolean>,
  score1: ArrayLike<number>,
  score2: ArrayLike<number>,
  ciLevel = 0.95,
): DeLongTest | null {
  checkLevel(ciLevel);
  assertSameLength(score1, score2, "score1 and score2");
  const a = splitBinary(outcome, score1);
  const b = splitBinary(outcome, score2);
  const va = delongPlacements(a.cases, a.controls);
  const vb = delongPlacements(b.cases, b.controls);
  if (!va || !vb) return null;
  const m = va.cases.length;
  const n = va.controls.length;
  if (m <= 1 || n <= 1) return null;
  const cov = (x: Float64Array, mx: number, y: Float64Array, my: number) => {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += ((x[i] as number) - mx) * ((y[i] as number) - my);
    return s / (x.length - 1);
  };
  const s11 = cov(va.cases, va.theta, va.cases, va.theta) / m + cov(va.controls, va.theta, va.controls, va.theta) / n;
  const s22 = cov(vb.cases, vb.theta, vb.cases, vb.theta) / m + cov(vb.controls, vb.theta, vb.controls, vb.theta) / n;
  const s12 = cov(va.cases, va.theta, vb.cases, vb.theta) / m + cov(va.controls, va.theta, vb.controls, vb.theta) / n;
  const sig = Math.sqrt(Math.max(0, s11 + s22 - 2 * s12));
  const d = va.theta - vb.theta;
  let z = d / sig;
  if (Number.isNaN(z)) z = 0; // d = 0 and sig = 0: pROC sets z to 0
  const crit = normalQuantile(1 - (1 - ciLevel) / 2);
  return {
    auc1: va.theta,
    auc2: vb.theta,
    difference: d,
    ci: [d - crit * sig, d + crit * sig],
    z,
    p: 2 * normalCdf(-Math.abs(z)),
  };
}
