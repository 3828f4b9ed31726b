import vegaEmbed from "vega-embed";
import type {TopLevelSpec} from "vega-lite";
import type {Provenance} from "../artifacts.js";
import {button, download, el} from "./dom.js";
import {provenanceFooter} from "./provenanceFooter.js";

export interface VegaChartOptions {
  /** id of the outer figure (e.g. "roc-chart"); tests query it. */
  id: string;
  /** Base name of the downloaded files. */
  filename?: string;
  provenance?: Provenance | undefined;
  /** Extra provenance text (e.g. "1000 patient-cluster bootstrap replicates"). */
  note?: string;
  caption?: string;
  /** Framework's `invalidation` promise: the vega view is finalised when the cell re-runs. */
  invalidation?: Promise<unknown>;
}

/**
 * Renders a vega-lite spec to SVG in a <figure id=…> with "Download SVG", "Download PNG" and "Open spec JSON"
 * buttons and a provenance footer. Resolves once the chart is drawn; rejects (so the page shows the error) when
 * vega-embed fails.
 */
export async function vegaChart(spec: TopLevelSpec, options: VegaChartOptions): Promise<HTMLElement> {
  const {id, filename = id, provenance, note, caption, invalidation} = options;
  const target = el("div", {class: "vega-target"});
  const result = await vegaEmbed(target, spec, {mode: "vega-lite", renderer: "svg", actions: false});
  invalidation?.then(() => result.finalize());
  const specJson = JSON.stringify(spec, null, 2);
  const toolbar = el(
    "div",
    {class: "chart-actions"},
    button("Download SVG", async () => {
      download(new Blob([await result.view.toSVG()], {type: "image/svg+xml"}), `${filename}.svg`);
    }),
    button("Download PNG", async () => {
      download(await result.view.toImageURL("png", 2), `${filename}.png`);
    }),
    button("Open spec JSON", () => {
      const url = URL.createObjectURL(new Blob([specJson], {type: "application/json"}));
      if (!window.open(url, "_blank")) download(url, `${filename}.vl.json`);
    }),
  );
  return el(
    "figure",
    {id, class: "vega-chart"},
    target,
    caption ? el("figcaption", {}, caption) : null,
    toolbar,
    provenanceFooter(provenance, note),
  );
}
