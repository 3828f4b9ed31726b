/**
 * RFC 4180 CSV text of `rows` with the given columns (header = column names). Cells containing a comma, quote or
 * newline are quoted; null/undefined become empty cells; numbers are written with full precision.
 */
export function toCsv(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string {
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return "";
    const s =
      typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map(cell).join(",")];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(","));
  return `${lines.join("\n")}\n`;
}
