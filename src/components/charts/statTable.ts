import type {StatRow} from "../tables/statRows.js";
import {footnoteList, noteMarks, noteTitle} from "./cellNotes.js";
import {el} from "./dom.js";

/**
 * A two-column table of statistics (`<th>` label, `<td>` value with its `data-value` and `id` when given); a row's
 * notes mark its value and add their lines under the table (then the table comes wrapped in a div with them).
 */
export function statTable(id: string, rows: readonly StatRow[]): HTMLElement {
  const table = el(
    "table",
    {id},
    el(
      "tbody",
      {},
      ...rows.map((r) =>
        el(
          "tr",
          {},
          el("th", {}, r.label),
          el(
            "td",
            {id: r.id, "data-value": r.value, title: noteTitle(r.notes ?? [])},
            r.text,
            ...noteMarks(r.notes ?? []),
          ),
        ),
      ),
    ),
  );
  const notes = footnoteList(rows.flatMap((r) => r.notes ?? []));
  return notes ? el("div", {class: "stat-table-wrap"}, table, notes) : table;
}
