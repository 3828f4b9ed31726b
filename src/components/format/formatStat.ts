/**
 * Number formats shared by pages, tables, figure legends and tests — each written once, so that a value on a page
 * can be compared with metrics.json and an interval reads the same everywhere ("[0.801, 0.902]", its ends in brackets
 * after a comma, so a negative end never reads as a range dash; an estimate with its interval "0.853 [0.801, 0.902]"):
 * a statistic such as Mann–Whitney W in full precision (integers stay integers), a p-value to 4 significant digits,
 * fixed decimals, percentages, intervals and estimates with their intervals.
 */

/** A confidence interval as its two ends; pages receive `null` when there is none. */
export type Interval = readonly [number, number];

export function formatW(w: number): string {
  // String() is the shortest round-trip form: integers print as integers, ties (W = k + ½) keep their half.
  return String(w);
}

/**
 * p to 4 significant digits down to 0.001, and "< 0.001" below it (never "2.651e-19" or "0": a p-value that small
 * says only that it is small, and its digits are below any model's accuracy); missing → "n/a".
 */
export function formatP(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return "n/a";
  return p < 0.001 ? "< 0.001" : String(Number(p.toPrecision(4)));
}

/** "p = 0.01235" or "p < 0.001", for a p-value inside a sentence. */
export function formatPStatement(p: number | null): string {
  const text = formatP(p);
  return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
}

/** `value` to `digits` decimals ("0.853"); a missing value (null or undefined) → `missing`. */
export function formatFixed(value: number | null | undefined, digits = 3, missing = "n/a"): string {
  return value === null || value === undefined ? missing : value.toFixed(digits);
}

/** A proportion as a percentage to `digits` decimals ("84.3%"); missing → `missing`. */
export function formatPercent(value: number | null | undefined, digits = 1, missing = "n/a"): string {
  return value === null || value === undefined ? missing : `${(100 * value).toFixed(digits)}%`;
}

/**
 * A confidence level as the percentage a caption or a column header names: 0.9 → "90%", 0.995 → "99.5%". Every
 * "x% CI" of the site is written with this, from the level the statistics were computed at (`evaluation.ciLevel` or
 * an artifact's `ciLevel`), so a label cannot name a level the numbers were not computed at. Rounded to 10
 * significant digits first, so 0.9 × 100 prints as 90 and not 90.00000000000001. A level outside (0, 1) is not a
 * confidence level: RangeError.
 */
export function formatCiLevel(level: number): string {
  if (!(Number.isFinite(level) && level > 0 && level < 1))
    throw new RangeError(`a confidence level is a number between 0 and 1, not ${level}`);
  return `${Number((100 * level).toPrecision(10))}%`;
}

/** An interval's two ends, "[0.801, 0.902]"; no interval → `missing` (a dash in table cells). */
export function formatInterval(
  ci: Interval | readonly [number | null, number | null] | null | undefined,
  digits = 3,
  missing = "–",
): string {
  if (!ci) return missing;
  // An end that is not finite (JSON writes ±Infinity as null) is unbounded: a hazard ratio's upper limit under a
  // monotone likelihood, say. It is shown as such rather than failing the table.
  const end = (v: number | null, side: "lower" | "upper") =>
    v !== null && Number.isFinite(v) ? v.toFixed(digits) : side === "lower" ? "−∞" : "∞";
  return `[${end(ci[0], "lower")}, ${end(ci[1], "upper")}]`;
}

/** "0.853 [0.801, 0.902]"; no interval → "0.853"; no value → "n/a". */
export function formatEstimate(
  value: number | null,
  ci: Interval | readonly [number | null, number | null] | null | undefined,
  digits = 3,
): string {
  if (value === null) return "n/a";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  const v = value.toFixed(digits);
  return ci ? `${v} ${formatInterval(ci, digits)}` : v;
}

/** A proportion with its interval and counts, "0.850 [0.640, 0.948] (17/20)"; no value → "n/a". */
export function formatProportion(
  p: {value: number | null; ci: Interval | null; x: number; n: number},
  digits = 3,
): string {
  if (p.value === null) return "n/a";
  return p.ci
    ? `${p.value.toFixed(digits)} ${formatInterval(p.ci, digits)} (${p.x}/${p.n})`
    : `${p.value.toFixed(digits)} (${p.x}/${p.n})`;
}

/** A proportion's interval in percent, "[70.1%, 92.2%]", each end carrying its unit; no interval → `missing`. */
export function formatPercentInterval(ci: Interval | null | undefined, digits = 1, missing = "n/a"): string {
  return ci ? `[${formatPercent(ci[0], digits)}, ${formatPercent(ci[1], digits)}]` : missing;
}
