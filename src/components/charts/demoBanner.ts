import type {ProtocolArtifact} from "../artifacts.js";
import {el} from "./dom.js";

/** Whether the site shows the synthetic demo: the primary run says so, or no manifest is configured. */
export function isSynthetic(protocol: ProtocolArtifact): boolean {
  return protocol.runs?.[protocol.primary]?.synthetic ?? protocol.config.study.manifest === null;
}

/**
 * The page banner: `<div class="warning" id="demo-banner">` when the study is the synthetic demo, else a note naming
 * the study. `what` says what the page shows ("these ROC curves").
 */
export function demoBanner(protocol: ProtocolArtifact, what = "every number on this page"): HTMLElement {
  if (isSynthetic(protocol)) {
    return el(
      "div",
      {class: "warning", id: "demo-banner"},
      el("b", {}, "Synthetic demonstration study. "),
      `${what[0]?.toUpperCase()}${what.slice(1)} comes from the built-in synthetic three-centre CT cohort, not from patients.`,
    );
  }
  return el(
    "div",
    {class: "note"},
    "Study: ",
    el("b", {}, protocol.config.study.name),
    ` (${protocol.primary} protocol is primary).`,
  );
}
