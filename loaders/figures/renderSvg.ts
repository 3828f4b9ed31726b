import * as vega from "vega";
import {compile, type TopLevelSpec} from "vega-lite";
import {FigureFontFamily} from "./figureFont.js";
import {withFigureTextMetrics} from "./figureTextMetrics.js";

/** CSS pixels per millimetre: an SVG's px are 1/96 in, the unit Vega lays a chart out in. */
export const PxPerMm = 96 / 25.4;

export interface RenderedSvg {
  /** The SVG as Vega writes it, sized in CSS px (viewBox 0 0 width height). */
  svg: string;
  width: number;
  height: number;
}

/** Draws a Vega-Lite spec to SVG headless (no canvas, no DOM), in the figures' typeface and by its metrics. */
export async function specToSvg(spec: TopLevelSpec): Promise<RenderedSvg> {
  const withFont = {...spec, config: {...(spec.config ?? {}), font: FigureFontFamily}} as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(withFont).spec), {renderer: "none"});
  try {
    const svg = await withFigureTextMetrics(() => view.toSVG());
    const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    if (!size) throw new Error("Vega wrote an SVG without a width and height");
    return {svg, width: Number(size[1]), height: Number(size[2])};
  } finally {
    view.finalize();
  }
}

/**
 * The figure at `widthMm`: its plot width chosen so that the whole SVG (plot, axes, legend) is as wide as the column
 * at 96 px to the inch, so Vega's 10–11 px labels print at 7–8 pt whatever the column. A chart's total width is its
 * plot width times the number of panels plus what axes and legend add, so two trial drawings give that line and a
 * third draws the figure; the last few pixels are absorbed by scaling to the exact width.
 */
export async function fitSvg(spec: (plotWidth: number) => TopLevelSpec, widthMm: number): Promise<RenderedSvg> {
  const target = widthMm * PxPerMm;
  const [a, b] = [200, 400];
  const [ra, rb] = [await specToSvg(spec(a)), await specToSvg(spec(b))];
  const perPx = (rb.width - ra.width) / (b - a);
  if (!(perPx > 0)) return rb;
  const plot = Math.max(60, Math.round(a + (target - ra.width) / perPx));
  return specToSvg(spec(plot));
}

/** The SVG file: the same drawing with its physical size in millimetres, so a layout program places it to scale. */
export function svgWithPhysicalSize(rendered: RenderedSvg, widthMm: number): {svg: string; heightMm: number} {
  const heightMm = (rendered.height * widthMm) / rendered.width;
  const svg = rendered.svg.replace(
    /^<svg([^>]*?)\swidth="[\d.]+"([^>]*?)\sheight="[\d.]+"/,
    `<svg$1 width="${round3(widthMm)}mm"$2 height="${round3(heightMm)}mm"`,
  );
  return {svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, heightMm};
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
