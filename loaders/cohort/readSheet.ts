import {readFile} from "node:fs/promises";
import ExcelJS from "exceljs";
import {parseCsv} from "../../src/components/csv/parseCsv.js";

/**
 * A spreadsheet's first worksheet as text: the header row and the data rows (trailing empty rows dropped).
 * .xlsx is read with exceljs; .csv with our CSV parser. Cell values become strings: numbers as JavaScript prints them,
 * dates as ISO dates, formulas as their cached result, rich text as its plain text.
 */
export interface Sheet {
  header: string[];
  rows: string[][];
}

export async function readSheet(path: string): Promise<Sheet> {
  if (path.toLowerCase().endsWith(".csv")) {
    const [header = [], ...rows] = parseCsv(await readFile(path, "utf8"), path);
    return {header: header.map((h) => h.trim()), rows};
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new Error(`${path}: cannot read as .xlsx (${(error as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${path}: the workbook has no worksheet`);
  const table: string[][] = [];
  sheet.eachRow({includeEmpty: true}, (row) => {
    // exceljs row.values is 1-based (index 0 is empty).
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    table.push(Array.from(values, cellText));
  });
  while (table.length > 0 && table.at(-1)!.every((c) => c === "")) table.pop();
  const [header = [], ...rows] = table;
  return {header: header.map((h) => h.trim()), rows};
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as {result?: unknown; richText?: Array<{text: string}>; text?: unknown; error?: unknown};
    if (v.richText)
      return v.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if ("result" in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return "";
    return "";
  }
  return String(value).trim();
}
