/**
 * RFC 4180 CSV parsing for hand-written manifests and predictions files: quoted fields (with "" escapes and embedded
 * newlines), CRLF or LF, a UTF-8 byte-order mark (Excel writes one), blank lines ignored. Throws on an unterminated
 * quote, because a half-read file would silently drop patients.
 */
export class CsvError extends Error {
  override name = "CsvError";
}

export interface CsvRecord {
  /** 1-based line on which the record starts (for messages). */
  line: number;
  fields: string[];
}

export function parseCsvRecords(text: string, what = "CSV"): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== "") records.push({line: recordLine, fields});
    fields = [];
    field = "";
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
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) throw new CsvError(`${what}: line ${recordLine}: unterminated quoted field`);
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}

export function parseCsv(text: string, what = "CSV"): string[][] {
  return parseCsvRecords(text, what).map((r) => r.fields);
}

/** Quotes a field when it holds a comma, quote or newline (the inverse of parseCsv). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
