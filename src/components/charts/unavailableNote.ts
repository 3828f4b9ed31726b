import type {Availability} from "../analysis/availability.js";
import {el} from "./dom.js";

const Heading = {off: "Off", notApplicable: "Not applicable", failed: "Failed"} as const;

/**
 * What a page shows in place of an analysis that has no value: `<p class="note" data-status=…>` with the status in
 * words and the reason the data file gives ("Failed: …" for an analysis that threw, while the rest of the report was
 * built). Null when the analysis is available.
 */
export function unavailableNote<T>(data: Availability<T>, id: string): HTMLElement | null {
  if (data.status === "ok") return null;
  return el(
    "p",
    {class: "note", id, "data-status": data.status},
    el("b", {}, `${Heading[data.status]}: `),
    `${data.reason.replace(/\.$/, "")}.`,
  );
}
