/**
 * RFC 4180 CSV parsing for hand-written manifests: quoted fields (with "" escapes and embedded newlines), CRLF or LF,
 * a UTF-8 byte-order mark (Excel writes one), blank lines ignored. Throws on an unterminated quote, because a
 * half-read manifest would silently drop patients.
 */
export class CsvError extends Error {
  override name = "CsvError";
}

export function parseCsv(text: string, what = "CSV"): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== "") rows.push(row);
    row = [];
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
      quoteLine = line;
      field = "";
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      endRow();
      line++;
    } else {
      field += c;
    }
  }
  if (quoted) throw new CsvError(`${what}: unterminated quoted field starting on line ${quoteLine}`);
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/** Quotes a field when it holds a comma, quote or newline (the inverse of parseCsv). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
