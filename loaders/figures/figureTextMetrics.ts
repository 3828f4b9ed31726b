import PDFDocument from "pdfkit";
import * as vega from "vega";
import {FigureFontFiles} from "./figureFont.js";

type TextItem = {fontSize?: number | string | null; fontWeight?: string | number | null};

type WidthOf = (item: TextItem, text: unknown) => number;

// vega re-exports vega-scenegraph's textMetrics at run time, but its type declarations leave it out.
const {textMetrics} = vega as unknown as {textMetrics: {width: WidthOf}};

let measurer: PDFKit.PDFDocument | undefined;

/**
 * The width of a label in the figures' typeface, from the font's own advance widths (PDFKit reads them with
 * fontkit). Vega lays out axes, legends and titles by these widths; headless, with no canvas to measure on, it
 * guesses 0.8 em a character, which is far wider than DejaVu Sans and leaves gaps around every title and legend.
 */
export function labelWidth(item: TextItem, text: unknown): number {
  const line = text === null || text === undefined ? "" : String(text).trim();
  const size = item.fontSize === null || item.fontSize === undefined ? 11 : Number(item.fontSize) || 0;
  if (line === "" || size <= 0) return 0;
  if (!measurer) {
    measurer = new PDFDocument({autoFirstPage: false});
    measurer.registerFont("regular", FigureFontFiles.regular);
    measurer.registerFont("bold", FigureFontFiles.bold);
  }
  const weight = item.fontWeight;
  const bold = weight === "bold" || weight === "bolder" || (typeof weight === "number" && weight >= 600);
  return measurer
    .font(bold ? "bold" : "regular")
    .fontSize(size)
    .widthOfString(line);
}

/**
 * Runs `draw` with Vega measuring text by `labelWidth` (the hook Vega offers for this: vega-scenegraph's
 * textMetrics.width, as vl-convert sets it), and puts Vega's own measure back afterwards, so nothing else that draws
 * with Vega in this process is affected.
 */
export async function withFigureTextMetrics<T>(draw: () => Promise<T>): Promise<T> {
  const previous = textMetrics.width;
  textMetrics.width = labelWidth;
  try {
    return await draw();
  } finally {
    textMetrics.width = previous;
  }
}
