import type {StatRow} from "../tables/statRows.js";
import {el} from "./dom.js";

/** A two-column table of statistics (`<th>` label, `<td>` value with its `data-value` and `id` when given). */
export function statTable(id: string, rows: readonly StatRow[]): HTMLTableElement {
  return el(
    "table",
    {id},
    el(
      "tbody",
      {},
      ...rows.map((r) => el("tr", {}, el("th", {}, r.label), el("td", {id: r.id, "data-value": r.value}, r.text))),
    ),
  );
}
