import type {Provenance} from "../artifacts.js";
import {formatCiLevel, formatFixed, formatPercent, formatPercentInterval} from "../format/formatStat.js";
import type {ConfusionTable} from "../tables/confusionTable.js";
import {toCsv} from "../tables/toCsv.js";
import {button, download, el} from "./dom.js";
import {provenanceFooter} from "./provenanceFooter.js";

// Cell percentages arrive as percentages already (0–100), so they are printed, not scaled.
const pct = (v: number | null) => (v === null ? "–" : `${formatFixed(v, 1)}%`);

/**
 * A confusion matrix as an HTML table (rows true class, columns predicted): each cell shows the count with row %
 * and column %, shaded by row %. The table has `data-n`; each cell `data-count`, `data-truth`, `data-predicted`.
 * Below: accuracy with its Wilson CI (labelled with the level the table computed it at), a "Download CSV" button and
 * provenance.
 */
export function confusionMatrixView(
  table: ConfusionTable,
  {id = "confusion-matrix", provenance}: {id?: string; provenance?: Provenance | undefined} = {},
): HTMLElement {
  const head = el(
    "tr",
    {},
    el("th", {}, "True ↓ / Predicted →"),
    ...table.labels.map((l) => el("th", {}, l)),
    el("th", {}, "Total"),
  );
  const body = table.cells.map((row, i) =>
    el(
      "tr",
      {},
      el("th", {}, table.labels[i] as string),
      ...row.map((c) =>
        el(
          "td",
          {
            "data-count": c.count,
            "data-truth": c.truth,
            "data-predicted": c.predicted,
            class: c.diagonal ? "diagonal" : null,
            style: `background: rgba(0, 114, 178, ${((c.rowPercent ?? 0) / 100) * 0.55})`,
            title: `true ${c.truth}, predicted ${c.predicted}: ${c.count}`,
          },
          el("b", {}, String(c.count)),
          el("br"),
          el("small", {}, `row ${pct(c.rowPercent)} · col ${pct(c.colPercent)}`),
        ),
      ),
      el("td", {class: "total"}, String(table.rowTotals[i])),
    ),
  );
  const foot = el(
    "tr",
    {},
    el("th", {}, "Total"),
    ...table.colTotals.map((t) => el("td", {class: "total"}, String(t))),
    el("td", {class: "total"}, String(table.n)),
  );
  const acc =
    table.accuracy === null
      ? "Accuracy: n/a (no rows)"
      : `Accuracy ${formatPercent(table.accuracy)} (${table.correct}/${table.n}; ${formatCiLevel(table.ciLevel)} Wilson CI ${formatPercentInterval(
          table.accuracyCi,
        )})`;
  const csv = toCsv(
    table.cells.flat().map((c) => ({...c})),
    ["truth", "predicted", "count", "rowPercent", "colPercent"],
  );
  return el(
    "div",
    {class: "confusion-wrap"},
    el("table", {id, class: "confusion", "data-n": table.n}, el("thead", {}, head), el("tbody", {}, ...body, foot)),
    el("p", {class: "accuracy", "data-accuracy": table.accuracy ?? ""}, acc),
    el(
      "div",
      {class: "chart-actions"},
      button("Download CSV", () => download(new Blob([csv], {type: "text/csv"}), `${id}.csv`)),
    ),
    provenance !== undefined ? provenanceFooter(provenance) : null,
  );
}
