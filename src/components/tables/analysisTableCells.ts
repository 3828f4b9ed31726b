import {formatEstimate, formatFixed} from "../format/formatStat.js";
import type {CellNote} from "./cellNote.js";
import type {Column} from "./column.js";

/** Cells shared by the analyses' tables: every numeric cell carries its raw value in `data-value`. */
export type Row = Record<string, unknown>;
export const num = (v: unknown) => (typeof v === "number" ? v : "");
export const valueCell = (key: string) => (row: Row) => ({"data-value": num(row[key])});

/** A cell's notes, kept in the row beside its value as `<key>Notes` (flags, or why it is n/a). */
export const notesOf = (key: string) => (row: Row) => (row[`${key}Notes`] as readonly CellNote[] | undefined) ?? [];

/** An estimate with its interval (`<key>Ci`), e.g. "0.81 [0.74, 0.88]", and its notes (`<key>Notes`). */
export const estimateColumn = (key: string, label: string): Column<Row> => ({
  key,
  label,
  format: (r) => formatEstimate(r[key] as number | null, r[`${key}Ci`] as [number, number] | null),
  attributes: valueCell(key),
  notes: notesOf(key),
});

/** A number to `digits` decimals, and its notes (`<key>Notes`). */
export const fixedColumn = (key: string, label: string, digits = 3): Column<Row> => ({
  key,
  label,
  format: (r) => formatFixed(r[key] as number | null, digits),
  attributes: valueCell(key),
  notes: notesOf(key),
});
