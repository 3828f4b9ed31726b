import {assertSameLength} from "./assertFinite.js";
import {splitBinary} from "./binaryData.js";
import {checkLevel, delongPlacements} from "./delong.js";
import {normalQuantile} from "./normal.js";

/**
 * Obuchowski's nonparametric AUC variance for clustered data (Obuchowski 1997, Biometrics 53:567–578): patches of
 * one patient are correlated, so DeLong's variance, which treats every patch as independent, is too small at patch
 * level. Each cluster i contributes the sums of its cases' and its controls' DeLong placement values,
 * V10_i = Σ_j (1/M) Σ_all controls ψ(X_ij, Y) and V01_i = Σ_k (1/N) Σ_all cases ψ(X, Y_ik), and
 *   S10 = I10/((I10 − 1) N) Σ_i (V10_i − n_i θ)²,  S01 = I01/((I01 − 1) M) Σ_i (V01_i − m_i θ)²,
 *   S11 = I/(I − 1) Σ_i (V10_i − n_i θ)(V01_i − m_i θ),
 *   var θ = S10/N + S01/M + 2 S11/(N M),
 * with N cases, M controls, I clusters, I10 (I01) of them holding a case (control). With one item per cluster this is
 * exactly DeLong's variance. Placements come from midranks (delong.ts), so the cost is O(n log n).
 */
export interface ObuchowskiAuc {
  auc: number;
  /** null when fewer than two clusters hold a case or fewer than two hold a control. */
  variance: number | null;
  /** Normal interval θ ± z·√var clipped to [0, 1], as DeLong's; null with the variance. */
  ci: [number, number] | null;
  clusters: number;
}

/** null when there is a single class (no AUC). NaN scores → RangeError naming the index. */
export function obuchowskiAuc(
  outcome: ArrayLike<number | boolean>,
  score: ArrayLike<number>,
  clusters: ArrayLike<string | number>,
  ciLevel = 0.95,
): ObuchowskiAuc | null {
  checkLevel(ciLevel);
  assertSameLength(outcome, clusters, "outcome and clusters");
  const {cases, controls} = splitBinary(outcome, score);
  const p = delongPlacements(cases, controls);
  if (!p) return null;
  const N = cases.length;
  const M = controls.length;
  const index = new Map<string | number, number>();
  const v10: number[] = [];
  const v01: number[] = [];
  const n: number[] = [];
  const m: number[] = [];
  let a = 0;
  let b = 0;
  for (let i = 0; i < outcome.length; i++) {
    const key = clusters[i] as string | number;
    let c = index.get(key);
    if (c === undefined) {
      c = index.size;
      index.set(key, c);
      v10.push(0);
      v01.push(0);
      n.push(0);
      m.push(0);
    }
    if (outcome[i] === 1 || outcome[i] === true) {
      v10[c] = (v10[c] as number) + (p.cases[a++] as number);
      n[c] = (n[c] as number) + 1;
    } else {
      v01[c] = (v01[c] as number) + (p.controls[b++] as number);
      m[c] = (m[c] as number) + 1;
    }
  }
  const I = index.size;
  const I10 = n.filter((k) => k > 0).length;
  const I01 = m.filter((k) => k > 0).length;
  const theta = p.theta;
  const result: ObuchowskiAuc = {auc: theta, variance: null, ci: null, clusters: I};
  if (I10 < 2 || I01 < 2) return result;
  let s10 = 0;
  let s01 = 0;
  let s11 = 0;
  for (let c = 0; c < I; c++) {
    const d10 = (v10[c] as number) - (n[c] as number) * theta;
    const d01 = (v01[c] as number) - (m[c] as number) * theta;
    s10 += d10 * d10;
    s01 += d01 * d01;
    s11 += d10 * d01;
  }
  s10 *= I10 / ((I10 - 1) * N);
  s01 *= I01 / ((I01 - 1) * M);
  s11 *= I / (I - 1);
  const variance = Math.max(0, s10 / N + s01 / M + (2 * s11) / (N * M));
  const z = normalQuantile(1 - (1 - ciLevel) / 2);
  const sd = Math.sqrt(variance);
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  return {...result, variance, ci: [clip(theta - z * sd), clip(theta + z * sd)]};
}
