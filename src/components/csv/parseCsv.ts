import {restoreFormula} from "./formulaGuard.js";

/**
 * RFC 4180 CSV reading for hand-written manifests, predictions files and our own outputs, in Node and the browser:
 * quoted fields (with "" escapes and embedded newlines), CRLF, LF or CR line ends, a UTF-8 byte-order mark (Excel
 * writes one). Blank lines are skipped but counted, so every record knows the 1-based line it starts on, even after
 * blank lines and quoted multi-line fields. A cell that writeCsv guarded against formula injection ('=…) is read
 * back as written (formulaGuard.ts).
 *
 * Hand-written rather than a library (d3-dsv, papaparse) because none of them reports the line a record starts on,
 * and every message about a bad row must name its line. Throws CsvError on an unterminated quote (a half-read file
 * would silently drop patients) and on a UTF-16 file (read as UTF-8 it shows as NUL bytes or a mangled byte-order
 * mark, and would otherwise be reported as "missing all columns").
 */
export class CsvError extends Error {
  override name = "CsvError";
}

export interface CsvRecord {
  /** 1-based line on which the record starts (for messages). */
  line: number;
  fields: string[];
}

/**
 * UTF-16 text decoded as UTF-8: its byte-order mark FF FE / FE FF becomes two U+FFFD replacement characters, and
 * the zero high bytes of ASCII characters become NULs (U+0000), which no text CSV contains.
 */
function looksUtf16(text: string): boolean {
  return text.startsWith("\ufffd\ufffd") || text.includes("\u0000");
}

export function parseCsvRecords(text: string, what = "CSV"): CsvRecord[] {
  if (looksUtf16(text)) throw new CsvError(`${what}: the file is encoded as UTF-16; save it as UTF-8 and retry`);
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  // A line with no character at all is blank; `""` alone is a record with one empty field.
  let content = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (content) records.push({line: recordLine, fields: fields.map(restoreFormula)});
    fields = [];
    field = "";
    content = false;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n" || (c === "\r" && source[i + 1] !== "\n")) line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      content = true;
      field = "";
    } else if (c === ",") {
      fields.push(field);
      field = "";
      content = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      content = true;
    }
  }
  if (quoted) throw new CsvError(`${what}: line ${recordLine}: unterminated quoted field`);
  if (content) endRecord();
  return records;
}

export function parseCsv(text: string, what = "CSV"): string[][] {
  return parseCsvRecords(text, what).map((r) => r.fields);
}
