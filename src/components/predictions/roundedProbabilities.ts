import {SUM_TOLERANCE} from "./predictionColumns.js";

/**
 * Probabilities as real tools print them: rounded. Four probabilities rounded to 6 decimals sum to 0.999999 or
 * 1.000001, and MATLAB's csvwrite (5 significant digits) writes 1/7, 2/7, 2/7, 2/7 as 0.14286, 0.28571, … summing
 * to 0.99999. A row is therefore judged against what its printed precision explains, not a fixed tolerance alone.
 *
 * A row's precision is the most decimal places D and the most significant digits S any of its probability cells
 * shows (a writer that strips trailing zeros, like %g, still prints the row's longest cell in full; a row is printed by
 * one format, a whole file need not be). Each cell stands for the interval of values that print as it (rounded to D
 * decimals, or to S significant digits, whichever allows more), and the row is explained when values in those
 * intervals can sum to 1 ± SUM_TOLERANCE (the writer's own float error before it rounded). So a row rounded either way
 * is always explained, while 1, 1, 0, 0 (integers: no rounding shown, no allowance) or 0.99, 0.99, 0, 0 never is.
 *
 * A row off from 1 by at most SUM_TOLERANCE is read as written (the values every earlier version read, bit for bit); a
 * row off by more that rounding explains is renormalised (divided by its sum) and counted in one warning for the file;
 * any other is refused, naming its sum and the precision that fails to explain it. Pure and isomorphic: `evaluate`,
 * `report` and the Your predictions page's worker read files through it.
 */
export interface PrintedPrecision {
  /** Decimal places of the value as printed (1.2346e-05: 9; 0.5: 1; 1: 0). */
  decimals: number;
  /** Significant digits as printed, trailing zeros included (0.33333: 5; 1.000000: 7; 0: 0). */
  significant: number;
  /** The value is a power of ten as printed (1, 0.1, 1.000, 1e-05): a digit 1, then only zeros. */
  powerOfTen: boolean;
}

/** A row's precision: the most decimal places and the most significant digits its cells show. */
export type RowPrecision = Omit<PrintedPrecision, "powerOfTen">;

const printed = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** The printed precision of a plain decimal's text (parsePlainDecimal's forms), or undefined for anything else. */
export function printedPrecision(text: string): PrintedPrecision | undefined {
  const m = printed.exec(text);
  if (!m) return undefined;
  const [, whole = "", fraction = "", exponent = "0"] = m;
  const digits = (whole + fraction).replace(/^0+/, "");
  return {decimals: fraction.length - Number(exponent), significant: digits.length, powerOfTen: /^10*$/.test(digits)};
}

/** The row's precision: the most decimal places and significant digits of any of its cells. */
export function rowPrecision(cells: readonly PrintedPrecision[]): RowPrecision {
  return {
    decimals: Math.max(0, ...cells.map((c) => c.decimals)),
    significant: Math.max(0, ...cells.map((c) => c.significant)),
  };
}

/**
 * The values that print as this cell at the row's precision, clipped to [0, 1]: ± 0.5·10^-D (rounded to D decimal
 * places) or ± half a unit in the S-th significant digit (rounded to S significant digits), whichever is wider; below
 * a printed power of ten (1, 0.1, 1e-05) the significant-digit unit is ten times finer (0.96 prints as 1 with one
 * significant digit, 0.94 as 0.9). A row whose probabilities show no decimals (0, 1) gets no allowance.
 */
export function roundingInterval(value: number, cell: PrintedPrecision, row: RowPrecision): [number, number] {
  if (row.decimals <= 0) return [value, value];
  const decimal = 0.5 * 10 ** -row.decimals;
  let above = 0;
  let below = 0;
  if (cell.significant > 0) {
    // The cell's leading digit sits at 10^lead; its S-th significant digit at 10^(lead − S + 1).
    const lead = cell.significant - cell.decimals - 1;
    above = 0.5 * 10 ** (lead - row.significant + 1);
    below = cell.powerOfTen ? above / 10 : above;
  }
  return [Math.max(0, value - Math.max(decimal, below)), Math.min(1, value + Math.max(decimal, above))];
}

export type SumCheck =
  | {kind: "as written"}
  | {kind: "renormalised"; values: number[]; deviation: number; precision: RowPrecision}
  | {kind: "refused"; message: string};

/**
 * A row's probabilities (values parsed from texts) against 1: read as written (within SUM_TOLERANCE), renormalised
 * when values that print as these texts could have summed to 1 ± SUM_TOLERANCE, or refused with the reason.
 */
export function checkProbabilitySum(values: readonly number[], texts: readonly string[]): SumCheck {
  const sum = values.reduce((a, b) => a + b, 0);
  const deviation = Math.abs(sum - 1);
  if (deviation <= SUM_TOLERANCE) return {kind: "as written"};
  const cells = texts.map((t) => printedPrecision(t) ?? {decimals: 0, significant: 0, powerOfTen: false});
  const precision = rowPrecision(cells);
  let low = 0;
  let high = 0;
  values.forEach((v, i) => {
    const [lo, hi] = roundingInterval(v, cells[i] as PrintedPrecision, precision);
    low += lo;
    high += hi;
  });
  // Parsing and summing K values add a few units in the last place; 10 ** -D itself is inexact.
  const slack = SUM_TOLERANCE + 1e-9 * (high - low) + 8 * values.length * Number.EPSILON;
  if (low <= 1 + slack && high >= 1 - slack)
    return {kind: "renormalised", values: values.map((v) => v / sum), deviation, precision};
  const written = `probabilities sum to ${Number(sum.toPrecision(10))}, not 1 ± ${SUM_TOLERANCE}`;
  if (high === low) return {kind: "refused", message: written};
  const range = `${Number(low.toPrecision(7))} and ${Number(high.toPrecision(7))}`;
  return {
    kind: "refused",
    message: `${written}, and more than rounding to their printed precision (${describePrecision(precision)}) explains: values printing as these sum to between ${range}`,
  };
}

/** "6 decimal place(s), 7 significant digit(s)" */
export function describePrecision(p: RowPrecision): string {
  return `${p.decimals} decimal place(s), ${p.significant} significant digit(s)`;
}

/** Rows renormalised in one file, summarised by the one with the largest deviation. */
export interface Renormalised {
  rows: number;
  largest: {deviation: number; where: string; precision: RowPrecision} | null;
}

/** The once-per-file note: how many rows were renormalised and the largest deviation, within its precision. */
export function renormalisedNote(source: string, r: Renormalised): string {
  const {deviation, where, precision} = r.largest ?? {
    deviation: 0,
    where: "",
    precision: {decimals: 0, significant: 0},
  };
  const largest = String(Number(deviation.toPrecision(2)));
  return (
    `${source}: ${r.rows} row(s) renormalised to sum to 1 (largest deviation from 1: ${largest}, ${where}, ` +
    `within its printed precision of ${describePrecision(precision)})`
  );
}
