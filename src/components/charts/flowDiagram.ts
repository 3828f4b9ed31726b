import type {CohortsArtifact} from "../artifacts.js";
import {el} from "./dom.js";

export type CohortFlow = CohortsArtifact["flow"][string];

/**
 * The flow of one cohort as boxes and arrows (HTML/CSS, no chart library): eligible patients → each exclusion with
 * its reason and count (patient ids on hover) → analysed patients and patches; patients whose patches needed the
 * fallback placement are noted. The box holds `data-eligible`, `data-analysed`, `data-patches` for tests.
 */
export function flowDiagram(cohort: string, flow: CohortFlow): HTMLElement {
  const excludedTotal = flow.excluded.reduce((a, e) => a + e.count, 0);
  const box = (cls: string, ...children: Array<Node | string>) => el("div", {class: `flow-box ${cls}`}, ...children);
  return el(
    "div",
    {
      class: "flow-diagram",
      "data-cohort": cohort,
      "data-eligible": flow.eligible,
      "data-analysed": flow.analysedPatients,
      "data-patches": flow.analysedPatches,
    },
    el("h4", {}, cohort),
    box("eligible", el("b", {}, String(flow.eligible)), " patients eligible"),
    el("div", {class: "flow-arrow"}, "↓"),
    el(
      "div",
      {class: "flow-split"},
      box(
        "excluded",
        el("b", {}, String(excludedTotal)),
        " excluded",
        flow.excluded.length === 0
          ? ""
          : el(
              "ul",
              {},
              ...flow.excluded.map((e) => el("li", {title: e.patientIds.join(", ")}, `${e.reason}: ${e.count}`)),
            ),
      ),
    ),
    el("div", {class: "flow-arrow"}, "↓"),
    box(
      "analysed",
      el("b", {}, String(flow.analysedPatients)),
      " patients analysed · ",
      el("b", {}, String(flow.analysedPatches)),
      " patches",
      flow.fallbackPatients.length > 0
        ? el(
            "div",
            {class: "flow-note", title: flow.fallbackPatients.join(", ")},
            `${flow.fallbackPatients.length} with fallback patch placement`,
          )
        : "",
    ),
  );
}

/** Styles for the flow diagram, the confusion matrix and chart toolbars, injected once per page. */
export const chartStyles = `
.row-flex { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.row-flex > div { min-width: 0; }
.flow-row { display: flex; flex-wrap: wrap; gap: 1.5rem; }
.flow-diagram { display: flex; flex-direction: column; align-items: center; min-width: 220px; }
.flow-box { border: 1px solid var(--theme-foreground-faint, #bbb); border-radius: 6px; padding: 0.5rem 0.8rem; background: var(--theme-background-alt, #f6f6f6); max-width: 280px; text-align: center; }
.flow-box.excluded { border-style: dashed; font-size: 90%; }
.flow-box ul { text-align: left; margin: 0.3rem 0 0; padding-left: 1.1rem; }
.flow-arrow { font-size: 1.3rem; line-height: 1.4rem; }
.flow-note { font-size: 85%; color: var(--theme-foreground-muted, #666); }
table.confusion td { text-align: center; min-width: 5.5rem; }
table.confusion td.diagonal { outline: 2px solid rgba(0, 114, 178, 0.6); outline-offset: -2px; }
table.confusion td.total { font-weight: 600; background: none; }
.chart-actions { display: flex; gap: 0.5rem; margin: 0.3rem 0; }
.chart-actions button { font-size: 12px; }
.provenance { font-size: 12px; color: var(--theme-foreground-muted, #666); }
figure.vega-chart { margin: 0 0 1rem; max-width: none; }
table.table1 td, table.table1 th { white-space: nowrap; }
table.table1 tr.header td { font-weight: 600; border-top: 1px solid var(--theme-foreground-faint, #ccc); }
`;
