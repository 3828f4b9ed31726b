import {assertFinite} from "./assertFinite.js";
import {normalCdf} from "./normal.js";
import {rank} from "./rank.js";

export interface MannWhitneyOptions {
  /**
   * "auto" (R's default `exact = NULL`): exact when both groups have fewer than 50 values and there are no ties,
   * else normal. "exact" forces the exact distribution, but as in R it cannot handle ties: with ties the normal
   * approximation is used and `note` says so. "normal" forces the normal approximation.
   */
  method?: "auto" | "exact" | "normal";
  /** Continuity correction of the normal approximation (R `correct = TRUE`). */
  correct?: boolean;
}

export interface MannWhitney {
  /** R's W: rank sum of x minus n_x(n_x + 1)/2 (the Mann–Whitney U of x). */
  W: number;
  /** Two-sided p-value. */
  p: number;
  method: "exact" | "normal";
  /** Effect size W/(n_x·n_y): the AUC of x against y, ties ½. */
  auc: number;
  note?: string;
}

/**
 * Wilcoxon rank-sum / Mann–Whitney U test, two-sided, as R `wilcox.test(x, y)` (x = responders' scores, y =
 * non-responders'). Exact p: 2·min(P(W ≤ w), P(W ≥ w)) capped at 1 (R's rule); normal: z = (W − n_x n_y/2 − ½·sign)/σ
 * with the tie-corrected σ² = n_x n_y/12 · (n_x + n_y + 1 − Σ(t³ − t)/((n_x + n_y)(n_x + n_y − 1))).
 * Empty x or y → null (R errors). All values tied (σ = 0) → p = 1 with a note (R gives NaN).
 * NaN → RangeError naming the index.
 */
export function mannWhitney(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  {method = "auto", correct = true}: MannWhitneyOptions = {},
): MannWhitney | null {
  assertFinite(x, "x");
  assertFinite(y, "y");
  const nx = x.length;
  const ny = y.length;
  if (nx === 0 || ny === 0) return null;
  const all = new Float64Array(nx + ny);
  all.set(Array.from(x));
  all.set(Array.from(y), nx);
  const {ranks, tieCorrection, hasTies} = rank(all);
  let rx = 0;
  for (let i = 0; i < nx; i++) rx += ranks[i] as number;
  const W = rx - (nx * (nx + 1)) / 2;
  const auc = W / (nx * ny);
  const wantExact = method === "exact" || (method === "auto" && nx < 50 && ny < 50);
  if (wantExact && !hasTies) return {W, p: exactTwoSided(W, nx, ny), method: "exact", auc};
  const n = nx + ny;
  let z = W - (nx * ny) / 2;
  const sigma = Math.sqrt(((nx * ny) / 12) * (n + 1 - tieCorrection / (n * (n - 1))));
  const note =
    wantExact && method === "exact" ? "cannot compute exact p-value with ties; normal approximation used" : undefined;
  if (sigma === 0) return {W, p: 1, method: "normal", auc, note: "all values tied: no evidence of a difference"};
  const correction = correct ? Math.sign(z) * 0.5 : 0;
  z = (z - correction) / sigma;
  const p = Math.min(1, 2 * Math.min(normalCdf(z), normalCdf(-z)));
  return note ? {W, p, method: "normal", auc, note} : {W, p, method: "normal", auc};
}

/** Counts of U = 0…m·n over all C(m+n, m) arrangements without ties (0/1 knapsack on ranks, additions only). */
function exactCounts(m: number, n: number): Float64Array {
  // dp[j][u]: number of ways to pick j of the ranks seen so far with U contribution u, where picking the
  // j-th smallest x at overall position r (1-based) contributes r − j (the y's below it).
  const maxU = m * n;
  const dp: Float64Array[] = [];
  for (let j = 0; j <= m; j++) dp.push(new Float64Array(maxU + 1));
  (dp[0] as Float64Array)[0] = 1;
  for (let r = 1; r <= m + n; r++) {
    for (let j = Math.min(m, r); j >= 1; j--) {
      const shift = r - j;
      if (shift > n) continue;
      const from = dp[j - 1] as Float64Array;
      const to = dp[j] as Float64Array;
      for (let u = maxU - shift; u >= 0; u--) {
        const f = from[u] as number;
        if (f !== 0) to[u + shift] = (to[u + shift] as number) + f;
      }
    }
  }
  return dp[m] as Float64Array;
}

function exactTwoSided(W: number, m: number, n: number): number {
  const counts = exactCounts(m, n);
  let total = 0;
  for (const c of counts) total += c;
  let lower = 0; // P(U ≤ W)
  let upper = 0; // P(U ≥ W)
  for (let u = 0; u < counts.length; u++) {
    if (u <= W) lower += counts[u] as number;
    if (u >= W) upper += counts[u] as number;
  }
  // R: if W > mn/2 use the upper tail P(U ≥ W), else the lower tail P(U ≤ W); p = min(2p, 1).
  const one = W > (m * n) / 2 ? upper : lower;
  return Math.min(1, (2 * one) / total);
}
