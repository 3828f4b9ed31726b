import {assertFinite} from "./assertFinite.js";
import {chiSquareSurvival} from "./chiSquare.js";
import {rank} from "./rank.js";

export interface KruskalWallis {
  statistic: number;
  df: number;
  /** null when the test is undefined: fewer than two non-empty groups, or every value tied. */
  p: number | null;
}

/**
 * Kruskal–Wallis rank-sum test, as R `kruskal.test(groups)`: H = (12/(N(N+1)) Σ R_g²/n_g − 3(N + 1)) divided by the
 * tie correction 1 − Σ(t³ − t)/(N³ − N); p = P(χ²_{k−1} > H). Empty groups are ignored (as R drops them).
 * Fewer than two non-empty groups or all values tied → statistic 0, p null (R errors or gives NaN).
 * NaN → RangeError naming the group and index.
 */
export function kruskalWallis(groups: ReadonlyArray<ArrayLike<number>>): KruskalWallis {
  groups.forEach((g, i) => {
    assertFinite(g, `groups[${i}]`);
  });
  const nonEmpty = groups.filter((g) => g.length > 0);
  const k = nonEmpty.length;
  const N = nonEmpty.reduce((a, g) => a + g.length, 0);
  if (k < 2) return {statistic: 0, df: Math.max(0, k - 1), p: null};
  const all = new Float64Array(N);
  let offset = 0;
  for (const g of nonEmpty) {
    all.set(Array.from(g), offset);
    offset += g.length;
  }
  const {ranks, tieCorrection} = rank(all);
  const denominator = 1 - tieCorrection / (N * N * N - N);
  if (!(denominator > 0)) return {statistic: 0, df: k - 1, p: null};
  let sum = 0;
  offset = 0;
  for (const g of nonEmpty) {
    let r = 0;
    for (let i = 0; i < g.length; i++) r += ranks[offset + i] as number;
    sum += (r * r) / g.length;
    offset += g.length;
  }
  const statistic = ((12 * sum) / (N * (N + 1)) - 3 * (N + 1)) / denominator;
  return {statistic, df: k - 1, p: chiSquareSurvival(statistic, k - 1)};
}
