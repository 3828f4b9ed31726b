import {writeCsv} from "../csv/writeCsv.js";

/**
 * CSV text of `rows` with the given columns (header = column names), through the project's one CSV writer
 * (src/components/csv/writeCsv.ts: RFC 4180 quoting, formula-leading text guarded with an apostrophe, numbers at
 * full precision, null/undefined as empty cells).
 */
export function toCsv(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string {
  return writeCsv(
    columns,
    rows.map((row) => columns.map((c) => row[c])),
  );
}
