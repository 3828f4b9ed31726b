import {checkLevel} from "../delong.js";
import {normalQuantile} from "../normal.js";
import {checkSurvival, type SurvivalTimes, TIME_TOLERANCE, timeOrder} from "./survivalData.js";

/**
 * The Kaplan–Meier curve as R `survfit(Surv(time, event) ~ 1)` with its defaults (Greenwood variance,
 * conf.type = "log", conf.int = 0.95): one row per distinct observed time, censored times included, as `fit$time`.
 * Where R has NA (the log interval once the curve has reached 0) the value here is NaN.
 */
export interface KaplanMeier {
  /** Number of subjects. */
  n: number;
  ciLevel: number;
  time: number[];
  nRisk: number[];
  nEvent: number[];
  nCensor: number[];
  surv: number[];
  /** Standard error of S(t) by Greenwood's formula: `summary(fit)$std.err` = surv · `fit$std.err`. */
  stdErr: number[];
  /** Standard error of log S(t) (of the cumulative hazard): `fit$std.err`; +Infinity once everyone at risk died. */
  stdErrLog: number[];
  /** exp(log S ∓ z·stdErrLog), the upper capped at 1 (R's `survfit_confint`, conf.type = "log"). */
  lower: number[];
  upper: number[];
}

export interface KaplanMeierOptions {
  /** Confidence level of the pointwise band (R `conf.int`), default 0.95. */
  ciLevel?: number;
}

/** Kaplan–Meier estimate with Greenwood standard errors and log-scale pointwise intervals, as `survfit`. */
export function kaplanMeier(data: SurvivalTimes, {ciLevel = 0.95}: KaplanMeierOptions = {}): KaplanMeier {
  checkLevel(ciLevel);
  const {time, event} = checkSurvival(data);
  const n = time.length;
  const order = timeOrder(time);
  const z = normalQuantile(1 - (1 - ciLevel) / 2);
  const fit: KaplanMeier = {
    n,
    ciLevel,
    time: [],
    nRisk: [],
    nEvent: [],
    nCensor: [],
    surv: [],
    stdErr: [],
    stdErrLog: [],
    lower: [],
    upper: [],
  };
  let km = 1;
  let greenwood = 0;
  for (let i = 0; i < n; ) {
    const t = time[order[i] as number] as number;
    let deaths = 0;
    let j = i;
    for (; j < n && time[order[j] as number] === t; j++) deaths += event[order[j] as number] as number;
    const atRisk = n - i;
    if (deaths > 0) {
      km *= (atRisk - deaths) / atRisk;
      greenwood += deaths / (atRisk * (atRisk - deaths)); // +Infinity when all at risk die, as in R's C code
    }
    const se = Math.sqrt(greenwood);
    fit.time.push(t);
    fit.nRisk.push(atRisk);
    fit.nEvent.push(deaths);
    fit.nCensor.push(j - i - deaths);
    fit.surv.push(km);
    fit.stdErrLog.push(se);
    fit.stdErr.push(km * se);
    // survfit_confint: the band is S itself while se = 0 (before the first event), NA once S = 0.
    if (se === 0) {
      fit.lower.push(km);
      fit.upper.push(km);
    } else if (km === 0) {
      fit.lower.push(Number.NaN);
      fit.upper.push(Number.NaN);
    } else {
      fit.lower.push(Math.exp(Math.log(km) - z * se));
      fit.upper.push(Math.min(1, Math.exp(Math.log(km) + z * se)));
    }
    i = j;
  }
  return fit;
}

export interface SurvivalQuantile {
  /** The time at which the curve reaches 1 − p; null when it never does (R's NA). */
  estimate: number | null;
  /** The same read off the lower and upper pointwise bands; null when a band never gets there. */
  lower: number | null;
  upper: number | null;
}

/**
 * The p-th quantile of the survival time with its confidence interval, exactly R `quantile(fit, probs = p)`
 * (`quantile.survfit`, whose helper `findq` is reproduced here): the first time at which 1 − S(t) ≥ p, except that
 * where the curve has a flat stretch at 1 − S = p (within √ε) the quantile is the midpoint of that stretch, i.e. of
 * the time it was reached and the next time the curve drops (or, if it never drops again, the last time of the fit).
 * The interval is the same rule applied to the lower and upper pointwise bands (lower limit from the lower band).
 */
export function survivalQuantile(fit: KaplanMeier, p: number): SurvivalQuantile {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`survivalQuantile(fit, p) needs p in [0, 1], not ${p}`);
  const x = [0, ...fit.time];
  const curve = (band: number[]) => [0, ...band.map((s) => 1 - s)];
  return {
    estimate: findq(x, curve(fit.surv), p),
    lower: findq(x, curve(fit.lower), p),
    upper: findq(x, curve(fit.upper), p),
  };
}

export interface MedianOptions {
  /**
   * "quantile" (default): R `quantile(fit, 0.5)` (see `survivalQuantile`). "print": the table of `print(fit)` /
   * `summary(fit)$table` (`survmean`). They differ when the curve (or a band) ends on a flat stretch at exactly 0.5
   * (print reports the time 0.5 was reached, quantile the midpoint between it and the last time), and when a band is
   * not monotone and crosses 0.5 more than once (the real HCC-TACE-Seg TTP responders: upper limit 80.14 by print,
   * 197 by quantile). The pages and `evaluate` use "print", what a user comparing with `print(survfit(…))` sees.
   */
  rule?: "quantile" | "print";
}

/** Median survival time with its confidence interval (see `MedianOptions` for R's two rules). */
export function medianSurvival(fit: KaplanMeier, {rule = "quantile"}: MedianOptions = {}): SurvivalQuantile {
  if (rule === "quantile") return survivalQuantile(fit, 0.5);
  return {
    estimate: printMedian(fit.surv, fit.time),
    lower: printMedian(fit.lower, fit.time),
    upper: printMedian(fit.upper, fit.time),
  };
}

/**
 * `survmean`'s `minmin(y, x)`: the first x where y < 0.5 + tol (NA ignored); when that y is 0.5 within tol and the
 * curve drops further later, the midpoint with the first x where it does.
 */
function printMedian(y: number[], x: number[]): number | null {
  const keep: number[] = [];
  for (let i = 0; i < y.length; i++) if ((y[i] as number) < 0.5 + TIME_TOLERANCE) keep.push(i);
  const first = keep[0];
  if (first === undefined) return null;
  const y0 = y[first] as number;
  if (Math.abs(y0 - 0.5) < TIME_TOLERANCE) {
    const next = keep.find((i) => (y[i] as number) < y0);
    if (next !== undefined) return ((x[first] as number) + (x[next] as number)) / 2;
  }
  return x[first] as number;
}

/**
 * `survival:::findq(x, y, p, tol)` for one p: y is a CDF-like curve (1 − S, NaN for NA) at times x. Duplicated y
 * values (censoring rows) are dropped first; then `approx(y ± tol, index, p, "constant", f = 1)` picks the index of
 * the smallest y ± tol that is ≥ p among the non-NA values (approx sorts by y, which matters for a band that is not
 * monotone), and the quantile is the mean of the two times found.
 */
function findq(x: number[], y: number[], p: number): number | null {
  const tol = TIME_TOLERANCE;
  let maxY = -Infinity;
  for (const v of y) if (v > maxY) maxY = v;
  if (maxY < p) return null;
  const xmax = x[x.length - 1] as number;
  const xs: number[] = [];
  const ys: number[] = [];
  const seen = new Set<number>(); // a Set treats NaN as equal to NaN, as R's duplicated() does with NA
  for (let i = 0; i < y.length; i++) {
    const v = y[i] as number;
    if (seen.has(v)) continue;
    seen.add(v);
    xs.push(x[i] as number);
    ys.push(v);
  }
  const finite = ys.map((_, i) => i).filter((i) => !Number.isNaN(ys[i] as number));
  finite.sort((a, b) => (ys[a] as number) - (ys[b] as number));
  const indexAt = (shift: number): number | null => {
    for (const i of finite) {
      if ((ys[i] as number) + shift >= p) return i;
    }
    return null;
  };
  const i1 = indexAt(tol);
  const i2 = indexAt(-tol);
  let quant = i1 === null || i2 === null ? null : ((xs[i1] as number) + (xs[i2] as number)) / 2;
  if (p === 0) quant = xs[0] as number;
  const last = ys[ys.length - 1] as number;
  // A flat stretch at p that lasts to the end of the curve: midpoint with the last time of the fit.
  if (!Number.isNaN(last) && Math.abs(p - last) < tol) quant = i1 === null ? null : ((xs[i1] as number) + xmax) / 2;
  return quant;
}

export interface KaplanMeierAt {
  /** The requested times, sorted ascending (as R sorts them); without `extend`, those after the last time dropped. */
  time: number[];
  /** Number still at risk at t (observed time ≥ t); 0 beyond the last time. */
  nRisk: number[];
  /** Events and censorings in (previous requested time, t] (the first interval starts at 0). */
  nEvent: number[];
  nCensor: number[];
  surv: number[];
  stdErr: number[];
  lower: number[];
  upper: number[];
}

/**
 * The curve read at given times, as R `summary(fit, times = times, extend = extend)`: S, its standard error and band
 * from the last step at or before t (1, 0 and [1, 1] before the first), the number at risk at t, and the counts
 * of events and censorings since the previous requested time. Non-finite times are dropped, as R drops them.
 */
export function kaplanMeierAt(
  fit: KaplanMeier,
  times: ArrayLike<number>,
  {extend = false}: {extend?: boolean} = {},
): KaplanMeierAt {
  const last = fit.time.length > 0 ? (fit.time[fit.time.length - 1] as number) : -Infinity;
  const wanted = Array.from(times)
    .filter((t) => Number.isFinite(t) && (extend || t <= last))
    .sort((a, b) => a - b);
  const out: KaplanMeierAt = {time: [], nRisk: [], nEvent: [], nCensor: [], surv: [], stdErr: [], lower: [], upper: []};
  let row = -1; // last row of the fit with time ≤ t
  let eventsBefore = 0;
  let censorsBefore = 0;
  let events = 0;
  let censors = 0;
  for (const t of wanted) {
    while (row + 1 < fit.time.length && (fit.time[row + 1] as number) <= t) {
      row++;
      events += fit.nEvent[row] as number;
      censors += fit.nCensor[row] as number;
    }
    const at = (v: number[], before: number) => (row < 0 ? before : (v[row] as number));
    out.time.push(t);
    out.nRisk.push(atRiskFrom(fit, t, row));
    out.nEvent.push(events - eventsBefore);
    out.nCensor.push(censors - censorsBefore);
    out.surv.push(at(fit.surv, 1));
    out.stdErr.push(at(fit.stdErr, 0));
    out.lower.push(at(fit.lower, 1));
    out.upper.push(at(fit.upper, 1));
    eventsBefore = events;
    censorsBefore = censors;
  }
  return out;
}

/** n.risk at t: that of the first row with time ≥ t (the row itself when t is one of the fit's times), else 0. */
function atRiskFrom(fit: KaplanMeier, t: number, row: number): number {
  if (row >= 0 && fit.time[row] === t) return fit.nRisk[row] as number;
  return fit.nRisk[row + 1] ?? 0;
}
