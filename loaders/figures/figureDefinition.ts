import type {TopLevelSpec} from "vega-lite";
import type {Level, Protocol} from "../../src/components/study/vocabulary.js";
import type {RenderedSvg} from "./renderSvg.js";

/**
 * One figure file to draw: which of the paper's figures it is, for which protocol (and cohort and level, when the
 * figure has one panel per cohort), and its Vega-Lite spec for a given plot width in CSS pixels. The width is left
 * open because the renderer picks it so that the whole figure, axes and legend included, fills the journal's column
 * width at a readable type size. Fig 4 (a grid of patch images) is drawn as SVG directly, at the column's width.
 */
export type FigureDefinition = FigureFacts &
  ({spec: (plotWidth: number) => TopLevelSpec} | {svg: (widthPx: number) => RenderedSvg});

interface FigureFacts {
  /** The paper's name for it: "fig2", "fig3", "fig4", "fig5a", "fig5b", "fig5cd", "suppfig2". */
  id: string;
  /** File name without extension, unique in the output folder ("fig3-paper-nfh"). */
  file: string;
  /** A caption: what the figure shows, for which protocol, cohort and level. */
  caption: string;
  protocol: Protocol;
  cohort: string | null;
  level: Level | null;
}

/** A figure the command does not draw, and why (listed in the manifest, so its absence is never silent). */
export interface SkippedFigure {
  id: string;
  protocol: Protocol | null;
  reason: string;
}
