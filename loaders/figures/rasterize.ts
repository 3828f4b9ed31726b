import {Resvg} from "@resvg/resvg-js";
import {FigureFontFamily, FigureFontFiles} from "./figureFont.js";
import type {RenderedSvg} from "./renderSvg.js";

export interface Raster {
  width: number;
  height: number;
  /** RGB, 8 bits a channel, row by row, on white. */
  rgb: Uint8Array;
  /** resvg's PNG of the same pixels. */
  png: Uint8Array;
}

/** Pixels across a figure `widthMm` wide at `dpi` dots per inch. */
export function pixelWidth(widthMm: number, dpi: number): number {
  return Math.round((widthMm / 25.4) * dpi);
}

/**
 * The figure drawn to pixels, `pixelWidth(widthMm, dpi)` wide, by resvg (Rust, prebuilt per platform in npm
 * packages; no browser, no canvas) with the figures' own font files and no system font, so a PNG looks the same on
 * every machine.
 */
export function rasterize(rendered: RenderedSvg, widthMm: number, dpi: number): Raster {
  const target = pixelWidth(widthMm, dpi);
  const image = new Resvg(rendered.svg, {
    fitTo: {mode: "width", value: target},
    background: "white",
    font: {
      fontFiles: [FigureFontFiles.regular, FigureFontFiles.bold],
      loadSystemFonts: false,
      defaultFontFamily: FigureFontFamily,
      sansSerifFamily: FigureFontFamily,
    },
  }).render();
  const rgba = image.pixels;
  const rgb = new Uint8Array(image.width * image.height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    // Composited over white: the background is opaque already, this only guards an edge pixel resvg left partly clear.
    const alpha = rgba[i + 3] as number;
    for (let c = 0; c < 3; c++) {
      const v = rgba[i + c] as number;
      rgb[j + c] = alpha === 255 ? v : Math.round((v * alpha + 255 * (255 - alpha)) / 255);
    }
  }
  return {width: image.width, height: image.height, rgb, png: image.asPng()};
}
