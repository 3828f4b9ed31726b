import {assertFinite, assertSameLength} from "../assertFinite.js";
import {checkSurvival, type SurvivalTimes, timeOrder} from "./survivalData.js";

export interface TimeDependentAucOptions {
  /**
   * Which marker values mean a higher risk of the event by time t. "higher" (default, timeROC's convention): a case
   * scoring above a control is a correct ranking. "lower": the reverse, e.g. a response score where a high value
   * predicts a long time to progression; then AUC(lower) = 1 − AUC(higher).
   */
  direction?: "higher" | "lower";
}

export interface TimeDependentAuc {
  /** The horizon t. */
  time: number;
  /** AUC(t); null when there is no case or no control at t. */
  auc: number | null;
  /** Subjects with an event at or before t. */
  cases: number;
  /** Subjects still event-free after t (observed time > t). */
  controls: number;
  /** Ĝ(t), the censoring survival at the horizon (each control's weight is 1/Ĝ(t)). */
  censoringSurvival: number;
}

/**
 * Cumulative/dynamic AUC at time t with inverse-probability-of-censoring weights (Uno et al. 2007; Blanche et al.
 * 2013, R `timeROC(T, delta, marker, cause = 1, weighting = "marginal", times = t)$AUC[2]`): cases are subjects with
 * an event at T ≤ t, weighted 1/Ĝ(T−); controls those with T > t, weighted 1/Ĝ(t); subjects censored at or before t
 * drop out. AUC = Σ_case Σ_control w_case·w_control·[case ranked riskier, ties ½] / (Σ w_case · Σ w_control); the
 * control weights are all equal, so only the case weights matter. Ĝ is the Kaplan–Meier of the censoring times with
 * events leaving the risk set first at a tied time (prodlim's `reverse = TRUE`, which timeROC uses through pec's
 * `ipcw`). Throws RangeError for bad data or a non-finite t or marker.
 */
export function timeDependentAuc(
  data: SurvivalTimes,
  marker: ArrayLike<number>,
  t: number,
  {direction = "higher"}: TimeDependentAucOptions = {},
): TimeDependentAuc {
  const {time, event} = checkSurvival(data);
  assertFinite(marker, "marker");
  assertSameLength(time, marker, "data.time and marker");
  if (!Number.isFinite(t)) throw new RangeError(`t must be a finite number, not ${t}`);
  if (direction !== "higher" && direction !== "lower") {
    throw new RangeError(`direction must be "higher" or "lower", not ${String(direction)}`);
  }
  const n = time.length;
  const sign = direction === "higher" ? 1 : -1;
  // Ĝ just before each distinct time and at t, from one pass in time order.
  const order = timeOrder(time);
  const gBefore = new Map<number, number>();
  let g = 1;
  let gAtT = 1;
  for (let i = 0; i < n; ) {
    const s = time[order[i] as number] as number;
    let d = 0;
    let c = 0;
    let j = i;
    for (; j < n && time[order[j] as number] === s; j++) {
      if (event[order[j] as number] === 1) d++;
      else c++;
    }
    gBefore.set(s, g);
    if (c > 0) g *= 1 - c / (n - i - d);
    if (s <= t) gAtT = g;
    i = j;
  }
  const caseMarkers: number[] = [];
  const caseWeights: number[] = [];
  const controls: number[] = [];
  for (let i = 0; i < n; i++) {
    const ti = time[i] as number;
    if (ti <= t && event[i] === 1) {
      caseMarkers.push(sign * (marker[i] as number));
      caseWeights.push(1 / (gBefore.get(ti) as number));
    } else if (ti > t) controls.push(sign * (marker[i] as number));
  }
  const result = {time: t, cases: caseMarkers.length, controls: controls.length, censoringSurvival: gAtT};
  if (caseMarkers.length === 0 || controls.length === 0) return {...result, auc: null};
  // Placement of each case among the controls (fraction below, ties ½) by binary search in the sorted controls.
  controls.sort((a, b) => a - b);
  let num = 0;
  let den = 0;
  for (let k = 0; k < caseMarkers.length; k++) {
    const m = caseMarkers[k] as number;
    const below = lowerBound(controls, m);
    const ties = lowerBound(controls, m, true) - below;
    const w = caseWeights[k] as number;
    num += (w * (below + ties / 2)) / controls.length;
    den += w;
  }
  return {...result, auc: num / den};
}

/** First index with sorted[i] ≥ v (or > v when `strict`). */
function lowerBound(sorted: number[], v: number, strict = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const s = sorted[mid] as number;
    if (s < v || (strict && s === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
