import {chiSquareSurvival} from "./chiSquare.js";
import {checkTable, dropEmpty} from "./contingency.js";

export interface ChiSquareTest {
  statistic: number;
  df: number;
  /** null when fewer than two non-empty rows or columns remain (no test possible). */
  p: number | null;
  /** Whether Yates' continuity correction was applied (2×2 with `correct`). */
  yates: boolean;
}

/**
 * Pearson's chi-square test of independence on an r×c table of counts, as R `chisq.test(table)`: expected counts
 * from the margins; on a 2×2 table Yates' correction |O − E| − min(0.5, |O − E|) is applied unless
 * `correct = false`. All-zero rows/columns are dropped first (R would return NaN). Throws RangeError on a ragged
 * table, negative or non-integer counts.
 */
export function chiSquareTest(table: readonly (readonly number[])[], {correct = true} = {}): ChiSquareTest {
  checkTable(table, "chiSquareTest");
  const t = dropEmpty(table);
  const r = t.length;
  const c = r === 0 ? 0 : (t[0] as number[]).length;
  if (r < 2 || c < 2) return {statistic: 0, df: 0, p: null, yates: false};
  const rowSums = t.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = (t[0] as number[]).map((_, j) => t.reduce((a, row) => a + (row[j] as number), 0));
  const n = rowSums.reduce((a, b) => a + b, 0);
  const yates = correct && r === 2 && c === 2;
  let statistic = 0;
  t.forEach((row, i) => {
    row.forEach((o, j) => {
      const e = ((rowSums[i] as number) * (colSums[j] as number)) / n;
      const d = Math.abs(o - e) - (yates ? Math.min(0.5, Math.abs(o - e)) : 0);
      statistic += (d * d) / e;
    });
  });
  const df = (r - 1) * (c - 1);
  return {statistic, df, p: chiSquareSurvival(statistic, df), yates};
}
