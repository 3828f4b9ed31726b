import type {Provenance} from "../artifacts.js";
import type {CellNote} from "../tables/cellNote.js";
import type {Column} from "../tables/column.js";
import {toCsv} from "../tables/toCsv.js";
import {footnoteList, noteMarks, noteTitle} from "./cellNotes.js";
import {button, download, el} from "./dom.js";
import {provenanceFooter} from "./provenanceFooter.js";

export type {Column} from "../tables/column.js";

export interface DataTableOptions<Row> {
  id: string;
  filename?: string;
  caption?: string;
  provenance?: Provenance | undefined;
  rowClass?: (row: Row) => string | null;
  /** Values written to the CSV (default: row[key] for every column). */
  csvRows?: ReadonlyArray<Record<string, unknown>>;
}

/**
 * An HTML table of `rows` with a "Download CSV" button (the raw values, not the formatted text) and provenance. A
 * column's `notes` mark its cells (a superscript with a tooltip, the cell's title) and add their lines under the table.
 */
export function dataTable<Row extends Record<string, unknown>>(
  rows: readonly Row[],
  columns: ReadonlyArray<Column<Row>>,
  options: DataTableOptions<Row>,
): HTMLElement {
  const {id, filename = id, caption, provenance, rowClass, csvRows} = options;
  const all: CellNote[] = [];
  const table = el(
    "table",
    {id, class: "data-table"},
    caption ? el("caption", {}, caption) : null,
    el("thead", {}, el("tr", {}, ...columns.map((c) => el("th", {}, c.label)))),
    el(
      "tbody",
      {},
      ...rows.map((row) =>
        el(
          "tr",
          {class: rowClass?.(row) ?? null},
          ...columns.map((c) => {
            const notes = c.notes?.(row) ?? [];
            all.push(...notes);
            return el(
              "td",
              {...c.attributes?.(row), title: noteTitle(notes)},
              c.format ? c.format(row) : String(row[c.key] ?? ""),
              ...noteMarks(notes),
            );
          }),
        ),
      ),
    ),
  );
  const csv = toCsv(
    csvRows ?? rows,
    columns.map((c) => c.key),
  );
  return el(
    "div",
    {class: "data-table-wrap"},
    table,
    footnoteList(all),
    el(
      "div",
      {class: "chart-actions"},
      button("Download CSV", () => download(new Blob([csv], {type: "text/csv"}), `${filename}.csv`)),
    ),
    provenance !== undefined ? provenanceFooter(provenance) : null,
  );
}
