import {neutraliseFormula} from "./formulaGuard.js";

/**
 * The one CSV writer for every file the project emits (the site's predictions.csv, `predict` output, Table 1 and
 * every page's "download CSV", the HCC-TACE-Seg manifest). RFC 4180: a cell holding a comma, quote, CR or LF is
 * quoted with doubled quotes; LF line ends and a final newline. Text cells are guarded against spreadsheet formula
 * injection (a leading apostrophe before =, +, -, @, tab or CR; formulaGuard.ts) and parseCsv strips it again, so
 * write → read is lossless. Numbers and booleans are written as numbers (shortest round-trip form, never guarded,
 * so -0.5 stays -0.5); null and undefined become empty cells; anything else is written as its JSON text.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = neutraliseFormula(typeof value === "string" ? value : JSON.stringify(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, without its line end. A lone empty cell is written `""` so that it does not read as a blank line. */
export function csvLine(cells: readonly unknown[]): string {
  if (cells.length === 1 && csvCell(cells[0]) === "") return '""';
  return cells.map(csvCell).join(",");
}

/** The whole file: header, then one line per row. */
export function writeCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return `${lines.join("\n")}\n`;
}
