import {checkTable, dropEmpty} from "./contingency.js";
import {logGamma} from "./gamma.js";

export interface FisherExactOptions {
  /** Upper bound on the number of tables enumerated before giving up with a RangeError (default 5e7). */
  maxTables?: number;
}

/**
 * Fisher's exact test of independence on an r×c table, two-sided, as R `fisher.test(table)`: the p-value is the
 * total probability (under fixed margins, multivariate hypergeometric) of every table no more probable than the
 * observed one, with R's relative tolerance 1e-7 for ties in probability. Computed by complete enumeration, so
 * meant for small tables (a 2×2 is instant; a RangeError is thrown past `maxTables`). All-zero rows/columns are
 * dropped; fewer than two rows or columns left → p = 1.
 */
export function fisherExact(
  table: readonly (readonly number[])[],
  {maxTables = 5e7}: FisherExactOptions = {},
): {p: number} {
  checkTable(table, "fisherExact");
  const t = dropEmpty(table);
  const r = t.length;
  const c = r === 0 ? 0 : (t[0] as number[]).length;
  if (r < 2 || c < 2) return {p: 1};
  const rowSums = t.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = (t[0] as number[]).map((_, j) => t.reduce((a, row) => a + (row[j] as number), 0));
  const n = rowSums.reduce((a, b) => a + b, 0);
  const logFact = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) logFact[k] = logGamma(k + 1);
  let constant = -(logFact[n] as number);
  for (const s of rowSums) constant += logFact[s] as number;
  for (const s of colSums) constant += logFact[s] as number;
  let observed = constant;
  for (const row of t) for (const v of row) observed -= logFact[v] as number;
  const limit = observed + Math.log1p(1e-7);

  // Depth-first over cells row by row; the last column of each row and the last row are determined by margins.
  const colLeft = colSums.slice();
  let total = 0;
  let visited = 0;
  const fillRow = (i: number, rowLeft: number, j: number, logp: number): void => {
    if (++visited > maxTables)
      throw new RangeError(`fisherExact: more than ${maxTables} tables; the table is too large for exact enumeration`);
    if (i === r - 1) {
      // last row takes what is left of every column
      let lp = logp;
      for (let k = 0; k < c; k++) lp -= logFact[colLeft[k] as number] as number;
      if (lp <= limit) total += Math.exp(lp);
      return;
    }
    if (j === c - 1) {
      const v = rowLeft;
      if (v > (colLeft[j] as number)) return;
      colLeft[j] = (colLeft[j] as number) - v;
      fillRow(i + 1, rowSums[i + 1] as number, 0, logp - (logFact[v] as number));
      colLeft[j] = (colLeft[j] as number) + v;
      return;
    }
    // remaining capacity of later columns in this row bounds v from below
    let later = 0;
    for (let k = j + 1; k < c; k++) later += colLeft[k] as number;
    const lo = Math.max(0, rowLeft - later);
    const hi = Math.min(rowLeft, colLeft[j] as number);
    for (let v = lo; v <= hi; v++) {
      colLeft[j] = (colLeft[j] as number) - v;
      fillRow(i, rowLeft - v, j + 1, logp - (logFact[v] as number));
      colLeft[j] = (colLeft[j] as number) + v;
    }
  };
  fillRow(0, rowSums[0] as number, 0, constant);
  return {p: Math.min(1, total)};
}
