import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import {FigureFontFiles} from "./figureFont.js";
import type {RenderedSvg} from "./renderSvg.js";

const PtPerMm = 72 / 25.4;

/**
 * The figure as a one-page vector PDF of exactly `widthMm` × `heightMm`: every mark a PDF path, every label PDF text
 * in DejaVu Sans, embedded (as a subset, FontFile2) so the PDF prints the same on a machine without the font.
 * PDFKit with svg-to-pdfkit: pure JavaScript, no browser, and nothing rasterised.
 */
export async function svgToPdf(
  rendered: RenderedSvg,
  size: {widthMm: number; heightMm: number},
  title: string,
): Promise<Uint8Array> {
  const width = size.widthMm * PtPerMm;
  const height = size.heightMm * PtPerMm;
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    autoFirstPage: true,
    info: {Title: title, Creator: "tace-workbench figures"},
  });
  doc.registerFont("regular", FigureFontFiles.regular);
  doc.registerFont("bold", FigureFontFiles.bold);
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  const warnings: string[] = [];
  SVGtoPDF(doc, pdfSafeDashes(rendered.svg), 0, 0, {
    width,
    height,
    // The viewBox (CSS px) is scaled to the page; the page's size is already in points.
    assumePt: true,
    preserveAspectRatio: "xMidYMid meet",
    // Every label is drawn in the embedded face: never one of PDF's 14 standard fonts, which are not embedded.
    fontCallback: (_family, bold) => (bold ? "bold" : "regular"),
    warningCallback: (message) => warnings.push(message),
  });
  doc.end();
  await ended;
  if (warnings.length > 0) throw new Error(`${title}: the SVG did not convert cleanly to PDF: ${warnings.join("; ")}`);
  return Buffer.concat(chunks);
}

/**
 * PDFKit refuses a dash pattern with a zero length, which Vega writes for a solid line in a dashed legend ("1,0").
 * A pattern whose gaps are all zero is a solid line, so it is dropped; a zero dash among others (a dot) becomes a
 * hundredth of a pixel, which prints the same.
 */
export function pdfSafeDashes(svg: string): string {
  return svg.replace(/\sstroke-dasharray="([^"]*)"/g, (whole, list: string) => {
    const values = list
      .split(/[\s,]+/)
      .filter((v) => v !== "")
      .map(Number);
    if (values.some((v) => !Number.isFinite(v) || v < 0)) return whole;
    const gaps = values.length % 2 === 0 ? values.filter((_, i) => i % 2 === 1) : values;
    if (gaps.every((v) => v === 0)) return "";
    return ` stroke-dasharray="${values.map((v) => (v === 0 ? 0.01 : v)).join(",")}"`;
  });
}
