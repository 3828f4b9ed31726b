import {assertFinite} from "./assertFinite.js";

export interface Ranking {
  /** 1-based ranks, ties given their average (R `rank(x, ties.method = "average")`). */
  ranks: Float64Array;
  /** Σ (t³ − t) over groups of t tied values: the tie correction used by Wilcoxon and Kruskal–Wallis. */
  tieCorrection: number;
  /** Whether any two values are equal. */
  hasTies: boolean;
}

/** Average ranks of `values` (R `rank`). Empty input → empty ranks. NaN → RangeError naming the index. */
export function rank(values: ArrayLike<number>): Ranking {
  assertFinite(values, "values");
  const n = values.length;
  const order = sortedOrder(values);
  const ranks = new Float64Array(n);
  let tieCorrection = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    const v = values[order[i] as number] as number;
    while (j < n && values[order[j] as number] === v) j++;
    const avg = (i + 1 + j) / 2; // average of ranks i+1 … j
    for (let k = i; k < j; k++) ranks[order[k] as number] = avg;
    const t = j - i;
    tieCorrection += t * t * t - t;
    i = j;
  }
  return {ranks, tieCorrection, hasTies: tieCorrection > 0};
}

/**
 * Average ranks of the cases and controls pooled, cases first: the one joint ranking behind the Mann–Whitney AUC
 * (`aucSplit`) and DeLong's placement values (`delongPlacements`).
 */
export function pooledRanks(cases: ArrayLike<number>, controls: ArrayLike<number>): Float64Array {
  const all = new Float64Array(cases.length + controls.length);
  all.set(cases);
  all.set(controls, cases.length);
  return rank(all).ranks;
}

/** Indices 0…n−1 ordered by ascending value (stable). */
export function sortedOrder(values: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const copy = Float64Array.from(values);
  return order.sort((a, b) => (copy[a] as number) - (copy[b] as number) || a - b);
}
