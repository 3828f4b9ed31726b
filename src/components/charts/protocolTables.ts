import type {ProtocolArtifact, ProtocolRow, Provenance} from "../artifacts.js";
import {ProvenanceFields, timingText} from "../tables/provenanceFields.js";
import {el} from "./dom.js";

const head = (...labels: string[]) => el("thead", {}, el("tr", {}, ...labels.map((l) => el("th", {}, l))));

/** The methods table: one row per parameter, the paper's value beside ours; rows that differ have class `differs`. */
export function methodsTable(rows: readonly ProtocolRow[]): HTMLTableElement {
  return el(
    "table",
    {id: "protocol-table", class: "protocol"},
    head("Section", "Parameter", "Paper", "Used here", "", "Why"),
    el(
      "tbody",
      {},
      ...rows.map((r) =>
        el(
          "tr",
          {class: r.differs ? "differs" : null},
          el("td", {}, r.section),
          el("td", {}, r.parameter, el("br"), el("code", {}, r.key)),
          el("td", {}, r.paper),
          el("td", {}, el("b", {}, r.used)),
          el("td", {}, r.differs ? "≠" : ""),
          el("td", {}, r.reason),
        ),
      ),
    ),
  );
}

/** The provenance of each run, one column per run (the primary one marked), one row per `ProvenanceFields` entry. */
export function provenanceTable(runs: readonly Provenance[], primary: string): HTMLTableElement {
  return el(
    "table",
    {id: "provenance-table", class: "protocol"},
    head("", ...runs.map((r) => `${r.protocol}${r.protocol === primary ? " (primary)" : ""}`)),
    el(
      "tbody",
      {},
      ...ProvenanceFields.map((field) =>
        el(
          "tr",
          {},
          el("td", {}, field.label),
          ...runs.map((r) =>
            el("td", {}, field.code ? el("code", {class: field.className}, field.value(r)) : field.value(r)),
          ),
        ),
      ),
    ),
  );
}

/** Each pipeline stage's time in this build. */
export function timingsTable(timings: ProtocolArtifact["timings"]): HTMLTableElement {
  return el(
    "table",
    {id: "timings-table", class: "protocol"},
    head("Stage", "Time"),
    el("tbody", {}, ...timings.map((t) => el("tr", {}, el("td", {}, t.stage), el("td", {}, timingText(t))))),
  );
}
