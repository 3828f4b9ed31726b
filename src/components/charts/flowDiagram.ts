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
