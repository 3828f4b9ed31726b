import {assertFinite, assertSameLength} from "../assertFinite.js";
import {chiSquareSurvival} from "../chiSquare.js";
import {rank} from "../rank.js";
import {type CoxPh, coxPh} from "./coxPh.js";
import {kaplanMeier} from "./kaplanMeier.js";
import {checkSurvival, type SurvivalTimes, timeOrder} from "./survivalData.js";

export type ZphTransform = "km" | "identity" | "rank" | "log";

export interface CoxZph {
  /** Score test of β(t) = β + θ·(g(t) − mean g) at θ = 0, on 1 df. */
  chisq: number;
  df: 1;
  p: number;
  transform: ZphTransform;
  /** Event times, ascending (ties in input order): `zph$time`. */
  time: number[];
  /** g(time), the transformed event times: `zph$x`. */
  x: number[];
  /** Scaled Schoenfeld residuals plus the coefficient, one per event: `zph$y`, the points of `plot(zph)`. */
  y: number[];
}

/**
 * The proportional-hazards test of a one-covariate Cox model, as R `cox.zph(coxph(Surv(time, event) ~ x))` in survival
 * ≥ 3.0 (zph1.c): not the old correlation of residuals with time, but the score test for adding x·g(t) to the model,
 * evaluated at the fitted coefficient with the Efron risk sets. With U₂ = Σ_events g(t)·(x − x̄(t)) and the 2 × 2
 * information I of (x, x·g(t)), chisq = U₂² / (I⁻¹)₂₂⁻¹ = U₂²·I₁₁/(I₁₁I₂₂ − I₁₂²). g is `transform` of the time,
 * centred at its mean over the events; "km" (R's default) is 1 − S(t−) from the Kaplan–Meier of all subjects.
 * Scaled Schoenfeld residuals are r·events/I₁₁ + coef. `fit` defaults to `coxPh(data, x)`; only its coefficient is
 * used. Throws RangeError as coxPh does, and for transform "log" with a zero time.
 */
export function coxZph(
  data: SurvivalTimes,
  x: ArrayLike<number>,
  fit: Pick<CoxPh, "coef"> = coxPh(data, x),
  transform: ZphTransform = "km",
): CoxZph {
  const {time, event} = checkSurvival(data);
  assertFinite(x, "x");
  assertSameLength(time, x, "data.time and x");
  const n = time.length;
  const g = transformTimes(time, event, transform);
  let gMean = 0;
  let events = 0;
  for (let i = 0; i < n; i++) {
    if (event[i] === 1) {
      gMean += g[i] as number;
      events++;
    }
  }
  if (events === 0) throw new RangeError("coxZph needs at least one event");
  gMean /= events;
  // The linear predictor and x are centred as cox.zph and zph1.c do (less rounding; the test is invariant).
  let xMean = 0;
  for (let i = 0; i < n; i++) xMean += x[i] as number;
  xMean /= n;
  const xc = Float64Array.from({length: n}, (_, i) => (x[i] as number) - xMean);
  const risk = Float64Array.from(xc, (v) => Math.exp(fit.coef * v));
  const constant = xc.every((v) => v === xc[0]);

  const order = timeOrder(time);
  const schoen = new Float64Array(events);
  let slot = events; // residuals are filled from the last event backwards, so they end up in time order
  let u2 = 0;
  let i11 = 0;
  let i12 = 0;
  let i22 = 0;
  let denom = 0;
  let a = 0;
  let c = 0;
  for (let i = n - 1; i >= 0; ) {
    const t = time[order[i] as number] as number;
    const gt = (g[order[i] as number] as number) - gMean;
    let ndead = 0;
    let denom2 = 0;
    let a2 = 0;
    let c2 = 0;
    const first = slot;
    for (; i >= 0 && time[order[i] as number] === t; i--) {
      const p = order[i] as number;
      const xp = xc[p] as number;
      const r = risk[p] as number;
      if (event[p] === 0) {
        denom += r;
        a += r * xp;
        c += r * xp * xp;
      } else {
        ndead++;
        denom2 += r;
        a2 += r * xp;
        c2 += r * xp * xp;
        u2 += gt * xp;
        schoen[--slot] = xp;
      }
    }
    if (ndead === 0) continue;
    // Efron: the residual subtracts the average of the d fractional risk-set means.
    let tmean = 0;
    for (let k = 0; k < ndead; k++) {
      const f = (k + 1) / ndead;
      tmean += (a + a2 * f) / (denom + denom2 * f);
    }
    for (let s = slot; s < first; s++) schoen[s] = (schoen[s] as number) - tmean / ndead;
    for (let k = 0; k < ndead; k++) {
      denom += denom2 / ndead;
      a += a2 / ndead;
      c += c2 / ndead;
      const mean = a / denom;
      u2 -= gt * mean;
      const v = (c - mean * a) / denom;
      i11 += v;
      i12 += gt * v;
      i22 += gt * gt * v;
    }
  }
  const chisq = (u2 * u2 * i11) / (i11 * i22 - i12 * i12);
  // cox.zph's vmean = I₁₁/used, used = the number of events (0 for a constant x, whose residuals R leaves as NA).
  const used = constant ? 0 : events;
  const eventOrder = Array.from(order).filter((i) => event[i] === 1);
  return {
    chisq,
    df: 1,
    p: chiSquareSurvival(chisq, 1),
    transform,
    time: eventOrder.map((i) => time[i] as number),
    x: eventOrder.map((i) => g[i] as number),
    y: Array.from(schoen, (r) => (used > 0 ? (r * used) / i11 + fit.coef : Number.NaN)),
  };
}

/** cox.zph's `ttimes`: the chosen function of each subject's time. */
function transformTimes(time: Float64Array, event: Uint8Array, transform: ZphTransform): Float64Array {
  switch (transform) {
    case "identity":
      return Float64Array.from(time);
    case "log":
      return Float64Array.from(time, (t, i) => {
        if (t <= 0) throw new RangeError(`coxZph: transform "log" needs times > 0, not data.time[${i}] = ${t}`);
        return Math.log(t);
      });
    case "rank":
      return rank(time).ranks;
    case "km": {
      // 1 − S(t−): the Kaplan–Meier of everyone, read just before each subject's own time (left-continuous).
      const km = kaplanMeier({time, event});
      const sorted = timeOrder(time);
      const out = new Float64Array(time.length);
      let row = -1; // last row of km with time < t
      for (const i of sorted) {
        const t = time[i] as number;
        while (row + 1 < km.time.length && (km.time[row + 1] as number) < t) row++;
        out[i] = 1 - (row < 0 ? 1 : (km.surv[row] as number));
      }
      return out;
    }
    default:
      throw new RangeError(`coxZph: unknown transform ${String(transform)}`);
  }
}
