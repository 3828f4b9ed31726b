import {createRequire} from "node:module";

/**
 * The one typeface of every figure file: DejaVu Sans, from the `dejavu-fonts-ttf` npm package (TrueType, so PDFKit
 * can embed it and resvg can draw it; installed with the other dependencies, no system font needed). Vega writes
 * this family into the SVG; the PDF embeds the regular and bold faces it uses; PNG and TIFF are drawn with them.
 */
export const FigureFontFamily = "DejaVu Sans";

const require = createRequire(import.meta.url);

export const FigureFontFiles = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
} as const;
