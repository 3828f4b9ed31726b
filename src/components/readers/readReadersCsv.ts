import {type CsvRecord, parseCsvRecords} from "../csv/parseCsv.js";
import {patientRow} from "../csv/patientRow.js";
import {MAX_LISTED} from "../predictions/readPredictionsCsv.js";
import {parseResponseLabel} from "../study/parseResponseLabel.js";
import {labelIndex, ResponseLabels} from "../study/vocabulary.js";

/**
 * Strict reading of a readers CSV, in Node (`evaluate`) and the browser (the pages): `patient_id` (any case) and
 * one column per reader, named by the header (trimmed, kept as written), each cell CR|PR|SD|PD — the mRECIST
 * response that reader gave the patient — or empty when that reader did not read the patient. Labels follow the
 * project's one rule (parseResponseLabel: any case and surrounding spaces are read, with a warning). Ids stay text
 * exactly as written. Refused, in one ReadersCsvError with nothing returned: fewer than two reader columns, a column
 * name that is empty or appears twice (ignoring case: reader names become keys of the evaluation JSON), and, listed
 * by 1-based line and patient, every row with the wrong number of fields, an empty id, a patient already seen, or a
 * label outside CR|PR|SD|PD.
 */
export class ReadersCsvError extends Error {
  override name = "ReadersCsvError";
}

/** Readers' responses per patient: what the agreement statistics and the reference standards take. */
export interface ReadersTable {
  /** Reader names, in header order. */
  readers: string[];
  /** One row per patient, in file order; labels[r] is reader r's class index (CR 0 … PD 3), null = not read. */
  rows: Array<{patientId: string; labels: Array<number | null>}>;
}

export interface ReadersCsv extends ReadersTable {
  /** "source: …" for labels read case-insensitively (one per reader) and for readings missing. */
  warnings: string[];
}

export function readReadersCsv(text: string, source = "readers CSV"): ReadersCsv {
  const records = parseCsvRecords(text, source);
  const header = records.shift();
  if (!header) throw new ReadersCsvError(`${source}: empty file (expected a header patient_id, reader1, reader2, …)`);
  const {idColumn, readers, readerColumns} = columns(header, source);
  const problems: string[] = [];
  let badRows = 0;
  const rows: ReadersTable["rows"] = [];
  const firstLine = new Map<string, number>();
  // Per reader, how many cells needed the case-insensitive reading and the first of them: one warning per reader,
  // so a file exported in lower case gives a handful of lines, not one per cell.
  const sloppy = readers.map(() => ({count: 0, first: ""}));
  const unread = readers.map(() => 0);
  let readByNobody = 0;
  for (const record of records) {
    const {fields} = record;
    const {patientId, where, errors} = patientRow(record, header.fields.length, idColumn, firstLine);
    const labels = readerColumns.map((column, r) => {
      const raw = fields[column] ?? "";
      if (raw.trim() === "") return null;
      const label = parseResponseLabel(raw, (m) => {
        const s = sloppy[r] as {count: number; first: string};
        if (s.count++ === 0) s.first = `${where}: ${m}`;
      });
      if (label === undefined) {
        errors.push(
          `reader ${readers[r]}: label must be one of ${ResponseLabels.join("|")} (or empty: not read), not "${raw}"`,
        );
        return null;
      }
      return labelIndex(label, `${source}: ${where}`);
    });
    if (errors.length > 0) {
      badRows++;
      for (const e of errors) problems.push(`${where}: ${e}`);
      continue;
    }
    labels.forEach((l, r) => {
      if (l === null) unread[r] = (unread[r] as number) + 1;
    });
    if (labels.every((l) => l === null)) readByNobody++;
    rows.push({patientId, labels});
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED);
    if (problems.length > MAX_LISTED) listed.push(`… and ${problems.length - MAX_LISTED} more problem(s)`);
    throw new ReadersCsvError(
      `${source}: ${badRows} invalid row(s), ${problems.length} problem(s); nothing was read:\n  ${listed.join("\n  ")}`,
    );
  }
  if (rows.length === 0) throw new ReadersCsvError(`${source}: no data rows`);
  const warnings: string[] = [];
  sloppy.forEach((s, r) => {
    if (s.count > 0)
      warnings.push(
        `${source}: reader ${readers[r]}: ${s.count} label(s) not written as ${ResponseLabels.join("|")}, read ` +
          `case-insensitively (first: ${s.first})`,
      );
  });
  unread.forEach((u, r) => {
    if (u > 0) warnings.push(`${source}: reader ${readers[r]} did not read ${u} of ${rows.length} patient(s)`);
  });
  if (readByNobody > 0) warnings.push(`${source}: ${readByNobody} patient(s) read by no reader`);
  return {readers, rows, warnings};
}

/** The id column and the reader columns; a duplicated or empty name, no id column or < 2 readers refuse the file. */
function columns(header: CsvRecord, source: string): {idColumn: number; readers: string[]; readerColumns: number[]} {
  const seen = new Map<string, number>();
  let idColumn = -1;
  const readers: string[] = [];
  const readerColumns: number[] = [];
  header.fields.forEach((raw, i) => {
    const name = raw.trim();
    if (!name) throw new ReadersCsvError(`${source}: line ${header.line}: column ${i + 1} has no name`);
    const key = name.toLowerCase();
    const prior = seen.get(key);
    if (prior !== undefined) {
      throw new ReadersCsvError(
        `${source}: line ${header.line}: column "${name}" appears twice (columns ${prior + 1} and ${i + 1}); remove one`,
      );
    }
    seen.set(key, i);
    if (key === "patient_id") idColumn = i;
    else {
      readers.push(name);
      readerColumns.push(i);
    }
  });
  if (idColumn < 0) throw new ReadersCsvError(`${source}: missing column patient_id in header line ${header.line}`);
  if (readers.length < 2) {
    throw new ReadersCsvError(
      `${source}: line ${header.line}: need at least 2 reader columns besides patient_id, found ${readers.length}`,
    );
  }
  return {idColumn, readers, readerColumns};
}
