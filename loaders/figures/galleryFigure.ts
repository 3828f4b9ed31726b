import type {GalleryArtifact} from "../../src/components/artifacts.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import {FigureFontFamily} from "./figureFont.js";
import type {RenderedSvg} from "./renderSvg.js";

/**
 * Fig 4 as a file: the Gallery page's examples arranged as the paper's figure, one row per true mRECIST class, with a
 * correctly classified patch and a misclassified one side by side, each beside its class activation map, from
 * gallery.zip (the same PNGs the page shows). External-cohort patches are preferred (the training cohort's are
 * in-sample). The patches are raster images by nature; every label is text in the figures' font, so the PDF keeps
 * them as vector text and the images at their own 224 px.
 */
export interface GalleryImages {
  artifact: GalleryArtifact;
  /** A zip entry's bytes (a PNG), or undefined when the zip has no such entry. */
  entry(name: string): Uint8Array | undefined;
}

type Item = GalleryArtifact["items"][number];

interface Cell {
  item: Item;
  patch: string;
  cam: string | null;
}

/** The rows to draw: per class, the first correct and the first misclassified item (external cohorts first). */
export function galleryRows(
  gallery: GalleryImages,
  training: string,
): Array<{label: string; correct: Cell | null; wrong: Cell | null}> {
  const dataUri = (name: string | null): string | null => {
    if (!name) return null;
    const bytes = gallery.entry(name);
    if (!bytes) throw new Error(`gallery.zip has no entry ${name}, which gallery.json names`);
    return `data:image/png;base64,${Buffer.from(bytes).toString("base64")}`;
  };
  const pick = (label: string, correct: boolean): Cell | null => {
    const candidates = gallery.artifact.items.filter((i) => i.label === label && i.correct === correct);
    const item = candidates.find((i) => i.cohort !== training) ?? candidates[0];
    if (!item) return null;
    return {item, patch: dataUri(item.image) as string, cam: dataUri(item.cam)};
  };
  return ResponseLabels.map((label) => ({label, correct: pick(label, true), wrong: pick(label, false)})).filter(
    (r) => r.correct || r.wrong,
  );
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The figure's SVG at `widthPx` CSS pixels (10 px labels: 7.5 pt at 96 px to the inch). */
export function galleryFigureSvg(rows: ReturnType<typeof galleryRows>, training: string, widthPx: number): RenderedSvg {
  const font = 10;
  const labelWidth = 34;
  const gap = 4;
  const groupGap = 14;
  const header = 2 * font + 10;
  const image = (widthPx - labelWidth - groupGap - 2 * gap) / 4;
  const caption = 2 * font + 6;
  const rowHeight = image + caption + 6;
  const height = Math.ceil(header + rows.length * rowHeight);
  const x0 = labelWidth;
  const x2 = labelWidth + 2 * image + gap + groupGap;
  const text = (x: number, y: number, s: string, anchor = "start", weight = "normal") =>
    `<text x="${x.toFixed(2)}" y="${y.toFixed(2)}" font-family="${FigureFontFamily}" font-size="${font}" font-weight="${weight}" text-anchor="${anchor}">${escapeXml(s)}</text>`;
  const parts: string[] = [
    `<rect x="0" y="0" width="${widthPx}" height="${height}" fill="white"/>`,
    text(x0 + image + gap / 2, font + 2, "Correctly classified", "middle", "bold"),
    text(x2 + image + gap / 2, font + 2, "Misclassified", "middle", "bold"),
    text(x0 + image / 2, 2 * font + 6, "patch", "middle"),
    text(x0 + image + gap + image / 2, 2 * font + 6, "activation map", "middle"),
    text(x2 + image / 2, 2 * font + 6, "patch", "middle"),
    text(x2 + image + gap + image / 2, 2 * font + 6, "activation map", "middle"),
  ];
  const where = (item: Item) => (item.cohort === training ? `${item.cohort}, in-sample` : item.cohort);
  rows.forEach((row, r) => {
    const y = header + r * rowHeight;
    parts.push(text(0, y + image / 2 + font / 2, row.label, "start", "bold"));
    for (const [x, cell] of [
      [x0, row.correct],
      [x2, row.wrong],
    ] as const) {
      if (!cell) {
        parts.push(
          `<rect x="${x.toFixed(2)}" y="${y.toFixed(2)}" width="${(2 * image + gap).toFixed(2)}" height="${image.toFixed(2)}" fill="#f2f2f2"/>`,
          text(x + image + gap / 2, y + image / 2, "none in the gallery", "middle"),
        );
        continue;
      }
      const img = (ix: number, uri: string) =>
        `<image x="${ix.toFixed(2)}" y="${y.toFixed(2)}" width="${image.toFixed(2)}" height="${image.toFixed(2)}" href="${uri}"/>`;
      parts.push(img(x, cell.patch));
      if (cell.cam) parts.push(img(x + image + gap, cell.cam));
      const k = ResponseLabels.indexOf(cell.item.predicted);
      const p = (cell.item.probabilities[k] ?? Number.NaN).toFixed(2);
      parts.push(
        text(x, y + image + font + 2, `${cell.item.patientId} (${where(cell.item)})`),
        text(x, y + image + 2 * font + 4, `predicted ${cell.item.predicted}, P = ${p}`),
      );
    }
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${widthPx.toFixed(2)}" height="${height}" viewBox="0 0 ${widthPx.toFixed(2)} ${height}">${parts.join("")}</svg>`;
  return {svg, width: widthPx, height};
}
