import type {CellNote} from "./cellNote.js";

/** A cell's content: nodes, text, or nothing (null/false are skipped so conditionals read naturally). */
export type Child = Node | string | number | null | undefined | false;

/**
 * One column of a page's table: its CSV key, its header, how a cell shows and which attributes it carries. Declared
 * here, with the rows, so the table definitions need nothing from the DOM builders (charts/dataTable.ts draws them).
 */
export interface Column<Row> {
  /** Key in the CSV and default cell value. */
  key: string;
  label: string;
  /** Display content; default String(row[key]). */
  format?: (row: Row) => Child;
  /** Attributes of the cell (e.g. data-value). */
  attributes?: (row: Row) => Record<string, string | number>;
  /** Flags and n/a reasons of the cell: marks after its text, its title, and footnote lines under the table. */
  notes?: (row: Row) => readonly CellNote[];
}
