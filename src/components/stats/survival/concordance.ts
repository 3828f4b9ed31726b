import {assertFinite, assertSameLength} from "../assertFinite.js";
import {checkSurvival, type SurvivalTimes, timeOrder} from "./survivalData.js";

export interface ConcordanceOptions {
  /**
   * "n" (default): Harrell's C, every comparable pair weighs 1. "n/G2": Uno's C, a pair whose earlier time is an
   * event at t weighs 1/G(t−)², G the Kaplan–Meier of the censoring times (events before censorings at a tie).
   */
  timewt?: "n" | "n/G2";
  /** Pairs whose earlier event time is after ymax weigh 0 (R `ymax`; Uno's truncation τ). Default: none. */
  ymax?: number;
  /**
   * false (default, R's default): a larger x predicts a LONGER survival (x concordant with time). true: a larger x
   * predicts a shorter survival (a risk score; R `reverse = TRUE`, what `coxph` reports).
   */
  reverse?: boolean;
}

export interface ConcordanceCounts {
  /** Comparable pairs (weighted) in which the longer survivor has the larger x (the smaller with `reverse`). */
  concordant: number;
  discordant: number;
  /** Comparable pairs with equal x: they count ½ in C. */
  tiedX: number;
  /** Pairs of events at the same time (not comparable), with different x … */
  tiedY: number;
  /** … and with equal x. */
  tiedXY: number;
}

export interface Concordance {
  /** (concordant + tiedX/2)/(concordant + discordant + tiedX). */
  concordance: number;
  /** √variance: the infinitesimal-jackknife standard error that `concordance()` reports (√fit$var). */
  stdErr: number;
  variance: number;
  counts: ConcordanceCounts;
  n: number;
  timewt: "n" | "n/G2";
}

/**
 * Harrell's (timewt "n") or Uno's (timewt "n/G2") concordance of a numeric predictor x with a right-censored time, as
 * R `concordance(Surv(time, event) ~ x, timewt = …)` (survival ≥ 3, concordance3.c). A pair is comparable when the
 * shorter time is an event: strictly shorter, or equal to a censored time (the censored one survived longer); two
 * events at the same time are tied on y and left out. Ties in x count ½.
 * The variance is R's infinitesimal jackknife: with, for each subject i, the weighted numbers of concordant (cᵢ),
 * discordant (dᵢ) and x-tied (tᵢ) comparable pairs it is part of, and D = (C − D)/N the Somers' d of the totals,
 * dfbetaᵢ = ((cᵢ − dᵢ) − (cᵢ + dᵢ + tᵢ)·D)/(2N) and variance = Σ dfbetaᵢ².
 * Runs in O(n log n) with Fenwick trees over the ranks of x, sweeping from the longest time down as the C code does.
 * Returns null when there is no comparable pair (no event, or every event at the longest time); R gives NaN.
 */
export function concordance(
  data: SurvivalTimes,
  x: ArrayLike<number>,
  {timewt = "n", ymax, reverse = false}: ConcordanceOptions = {},
): Concordance | null {
  const {time, event} = checkSurvival(data);
  assertFinite(x, "x");
  assertSameLength(time, x, "data.time and x");
  if (ymax !== undefined && Number.isNaN(ymax)) throw new RangeError("ymax must be a number, not NaN");
  const n = time.length;
  const values = Array.from(new Set(Array.from(x))).sort((a, b) => a - b);
  const rankOf = new Map(values.map((v, i) => [v, i]));
  const r = Uint32Array.from({length: n}, (_, i) => rankOf.get(x[i] as number) as number);
  const weightAt = eventTimeWeights(time, event, timewt, ymax);

  // Descending time; at a tie the censored first (they are at risk for the tied events); then by x.
  const order = Array.from({length: n}, (_, i) => i).sort(
    (a, b) =>
      (time[b] as number) - (time[a] as number) ||
      (event[a] as number) - (event[b] as number) ||
      (r[a] as number) - (r[b] as number),
  );
  const all = new Fenwick(values.length); // everyone with a longer time (and the censored at the same time)
  const deaths = new Fenwick(values.length); // events seen so far, each weighted by its time weight
  const conc = new Float64Array(n);
  const disc = new Float64Array(n);
  const tied = new Float64Array(n);
  const counts: ConcordanceCounts = {concordant: 0, discordant: 0, tiedX: 0, tiedY: 0, tiedXY: 0};
  // Entering the risk set, subject i starts a tally of the events that will come later (shorter times) against it:
  // an event with a smaller x makes a concordant pair with i, a larger x a discordant one.
  const enter = (i: number, sign: number) => {
    const ri = r[i] as number;
    conc[i] = (conc[i] as number) + sign * deaths.below(ri);
    disc[i] = (disc[i] as number) + sign * deaths.above(ri);
    tied[i] = (tied[i] as number) + sign * deaths.at(ri);
  };
  for (let k = 0; k < n; ) {
    const i = order[k] as number;
    if (event[i] === 0) {
      enter(i, -1);
      all.add(r[i] as number, 1);
      k++;
      continue;
    }
    const t = time[i] as number;
    const w = weightAt.get(t) as number;
    let end = k;
    while (end < n && time[order[end] as number] === t) end++;
    const m = end - k;
    counts.tiedY += (w * m * (m - 1)) / 2;
    for (let s = k; s < end; ) {
      let e = s; // a run of tied events with equal x (sorted by x within the tie)
      while (e < end && r[order[e] as number] === r[order[s] as number]) e++;
      counts.tiedXY += (w * (e - s) * (e - s - 1)) / 2;
      s = e;
    }
    for (let s = k; s < end; s++) {
      const j = order[s] as number;
      const rj = r[j] as number;
      const above = w * all.above(rj);
      const below = w * all.below(rj);
      const at = w * all.at(rj);
      counts.concordant += above;
      counts.discordant += below;
      counts.tiedX += at;
      conc[j] = (conc[j] as number) + above;
      disc[j] = (disc[j] as number) + below;
      tied[j] = (tied[j] as number) + at;
      deaths.add(rj, w);
    }
    for (let s = k; s < end; s++) {
      const j = order[s] as number;
      enter(j, -1); // the tied events just added cancel against the final tally
      all.add(r[j] as number, 1);
    }
    k = end;
  }
  for (let i = 0; i < n; i++) enter(i, 1);
  counts.tiedY -= counts.tiedXY;

  const npair = counts.concordant + counts.discordant + counts.tiedX;
  if (!(npair > 0)) return null;
  const somers = (counts.concordant - counts.discordant) / npair;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const ci = conc[i] as number;
    const di = disc[i] as number;
    const dfbeta = (ci - di - (ci + di + (tied[i] as number)) * somers) / (2 * npair);
    variance += dfbeta * dfbeta;
  }
  const c = (somers + 1) / 2;
  return {
    concordance: reverse ? 1 - c : c,
    stdErr: Math.sqrt(variance),
    variance,
    counts: reverse ? {...counts, concordant: counts.discordant, discordant: counts.concordant} : counts,
    n,
    timewt,
  };
}

/**
 * The weight of each distinct event time: 1 for "n"; 1/G(t−)² for "n/G2", where G is survival's fastkm1 censoring
 * curve (at a time with both, events leave the risk set before the censorings are counted). As R, fewer than two
 * events fall back to "n". Times after ymax weigh 0.
 */
function eventTimeWeights(
  time: Float64Array,
  event: Uint8Array,
  timewt: "n" | "n/G2",
  ymax: number | undefined,
): Map<number, number> {
  const order = timeOrder(time);
  const n = time.length;
  let events = 0;
  for (let i = 0; i < n; i++) events += event[i] as number;
  const useG = timewt === "n/G2" && events >= 2;
  const weights = new Map<number, number>();
  let g = 1;
  for (let i = 0; i < n; ) {
    const t = time[order[i] as number] as number;
    let d = 0;
    let c = 0;
    let j = i;
    for (; j < n && time[order[j] as number] === t; j++) {
      if (event[order[j] as number] === 1) d++;
      else c++;
    }
    const atRisk = n - i;
    if (d > 0) weights.set(t, ymax !== undefined && t > ymax ? 0 : useG ? 1 / (g * g) : 1);
    if (c > 0) g *= (atRisk - d - c) / (atRisk - d);
    i = j;
  }
  return weights;
}

/** Sums of weights over the ranks of x: below, at and above a rank, each in O(log m). */
class Fenwick {
  private readonly tree: Float64Array;
  private readonly point: Float64Array;
  private total = 0;
  constructor(size: number) {
    this.tree = new Float64Array(size + 1);
    this.point = new Float64Array(size);
  }
  add(rank: number, w: number): void {
    this.point[rank] = (this.point[rank] as number) + w;
    this.total += w;
    for (let i = rank + 1; i < this.tree.length; i += i & -i) this.tree[i] = (this.tree[i] as number) + w;
  }
  /** Σ weights with rank < r. */
  below(rank: number): number {
    let s = 0;
    for (let i = rank; i > 0; i -= i & -i) s += this.tree[i] as number;
    return s;
  }
  at(rank: number): number {
    return this.point[rank] as number;
  }
  above(rank: number): number {
    return this.total - this.below(rank) - this.at(rank);
  }
}
