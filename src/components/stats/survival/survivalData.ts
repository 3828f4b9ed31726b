/**
 * Right-censored survival data, the input of every function in this folder: one time and one event indicator per
 * subject (event 1 = the event was observed at `time`, 0 = censored at `time`).
 */
export interface SurvivalTimes {
  time: ArrayLike<number>;
  event: ArrayLike<number>;
}

/** Validated survival data, times already made exactly equal where R's `aeqSurv` would make them so. */
export interface CheckedSurvival {
  time: Float64Array;
  event: Uint8Array;
}

/** R's default tolerance of `aeqSurv`: `sqrt(.Machine$double.eps)`. */
export const TIME_TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * Validates `data` (equal lengths, finite times ≥ 0, events exactly 0 or 1), throwing a RangeError that names the
 * first bad index, and returns copies with near-equal times merged as `survival::aeqSurv` does: every R function
 * matched here (survfit, survdiff, coxph, concordance) calls it by default (`timefix = TRUE`), so times computed as,
 * e.g., days/7 that differ only by rounding are ties there too, and must be here for the results to agree.
 */
export function checkSurvival(data: SurvivalTimes, name = "data"): CheckedSurvival {
  const n = data.time.length;
  if (data.event.length !== n) {
    throw new RangeError(`${name}.time and ${name}.event must have the same length, not ${n} and ${data.event.length}`);
  }
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = data.time[i];
    if (typeof t !== "number" || !Number.isFinite(t) || t < 0) {
      throw new RangeError(`${name}.time[${i}] must be a finite number ≥ 0, not ${String(t)}`);
    }
    const e = data.event[i];
    if (e !== 0 && e !== 1) throw new RangeError(`${name}.event[${i}] must be 0 or 1, not ${String(e)}`);
    time[i] = t;
    event[i] = e;
  }
  mergeNearTies(time);
  return {time, event};
}

/**
 * `aeqSurv`: with u the sorted distinct times, a gap u[k+1] − u[k] ≤ tol or ≤ tol·mean(|u|) joins u[k+1] to the run
 * of u[k]; every time is replaced by the first value of its run. Done in place.
 */
function mergeNearTies(time: Float64Array): void {
  const u = Array.from(new Set(time)).sort((a, b) => a - b);
  if (u.length < 2) return;
  let mean = 0;
  for (const v of u) mean += Math.abs(v);
  mean /= u.length;
  const cutOf = new Map<number, number>();
  let cut = u[0] as number;
  cutOf.set(cut, cut);
  let changed = false;
  for (let k = 1; k < u.length; k++) {
    const dy = (u[k] as number) - (u[k - 1] as number);
    if (dy <= TIME_TOLERANCE || dy / mean <= TIME_TOLERANCE) changed = true;
    else cut = u[k] as number;
    cutOf.set(u[k] as number, cut);
  }
  if (!changed) return;
  for (let i = 0; i < time.length; i++) time[i] = cutOf.get(time[i] as number) as number;
}

/** Indices of `time` in ascending order, ties kept in input order (R's stable `order(time)`). */
export function timeOrder(time: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(time.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (time[a] as number) - (time[b] as number) || a - b);
}
