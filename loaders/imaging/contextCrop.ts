import {encodePng} from "./encodePng.js";
import type {Grid} from "./grid.js";
import type {Placement} from "./placePatches.js";
import {type Block, resampleLinear, resampleNearest} from "./resampleVolume.js";
import type {Vec3, Volume} from "./volume.js";
import {type HuWindow, windowToByte} from "./window.js";

/**
 * Fig 4's context panel: the windowed CT around the tumour on the patch's own native slice, with the ROI outline and
 * the patch box drawn on it. Only the tumour's bounding box plus a margin is sampled — never the whole slice, and
 * nothing but pixels (no header field reaches the crop) — so a published gallery carries no more of the scan than it
 * needs to show where the patch came from.
 */

/** Side of the crop's PNG (px): large enough to read the ROI outline on a card, small enough for hundreds of crops. */
export const ContextPx = 192;
/** Margin around the tumour's bounding box on each side, as a fraction of its larger side… */
export const ContextMarginFraction = 0.5;
/** …and at least this many mm, so a 1 cm tumour still shows the liver around it. */
export const ContextMinMarginMm = 10;

/** ROI outline and patch box colours (RGB): green and amber read on grey CT and for red–green colour-blind readers. */
const roiColour: Vec3 = [0, 200, 83];
const boxColour: Vec3 = [255, 179, 0];

/** What a gallery needs to show and explain one crop; boxes are [x, y, width, height] in crop pixels. */
export interface PatchContext {
  /** Native slice index of the stored volume (the patch's sliceIndex). */
  sliceIndex: number;
  widthPx: number;
  heightPx: number;
  /** Physical size of one crop pixel (mm), the same in x and y. */
  mmPerPx: number;
  /** The patch's square, and the analysed tumour's bounding box on the cutting grid, in crop pixels. */
  patchBoxPx: [number, number, number, number];
  tumourBoxPx: [number, number, number, number];
}

export interface ContextRequest {
  image: Volume<Float32Array>;
  /** The ROI as drawn (every lesion): its outline is what a reader checks the patch against. */
  mask: Volume<Uint8Array>;
  /** The cutting grid (identity direction), the tumour's block on it (patch placements are relative to its corner),
   * and the analysed tumour's in-plane bounding box over all slices, inclusive grid indices [x0, y0, x1, y1]. */
  grid: Grid;
  block: Block;
  tumour: [number, number, number, number];
  /** Plane index k of the cutting grid the patch was cut on. */
  k: number;
  placement: Placement;
  window: HuWindow;
  sliceIndex: number;
  outsideHu: number;
}

export interface ContextCrop {
  context: PatchContext;
  png: Uint8Array;
}

export function contextCrop(request: ContextRequest): ContextCrop {
  const {grid, block, k, placement: q, tumour} = request;
  const [sx, sy] = grid.spacing;
  // The tumour's bounding box in grid-index units: voxel cells span ±½ around their centres.
  const tx0 = tumour[0] - 0.5;
  const tx1 = tumour[2] + 0.5;
  const ty0 = tumour[1] - 0.5;
  const ty1 = tumour[3] + 0.5;
  const widthMm = (tx1 - tx0) * sx;
  const heightMm = (ty1 - ty0) * sy;
  const sideMm = Math.max(widthMm, heightMm) * (1 + 2 * ContextMarginFraction);
  const cropMm = Math.max(sideMm, Math.max(widthMm, heightMm) + 2 * ContextMinMarginMm);
  const mmPerPx = cropMm / ContextPx;
  // Crop centre in physical mm (the grid's direction is the identity, so physical x/y are origin + index · spacing).
  const cx = grid.origin[0] + ((tx0 + tx1) / 2) * sx;
  const cy = grid.origin[1] + ((ty0 + ty1) / 2) * sy;
  const z = grid.origin[2] + k * grid.spacing[2];
  const cropGrid: Grid = {
    size: [ContextPx, ContextPx, 1],
    spacing: [mmPerPx, mmPerPx, grid.spacing[2]],
    // Origin = centre of the crop's first pixel.
    origin: [cx - cropMm / 2 + mmPerPx / 2, cy - cropMm / 2 + mmPerPx / 2, z],
    direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  };
  const all: Block = {lo: [0, 0, 0], hi: [ContextPx, ContextPx, 1]};
  const hu = resampleLinear(request.image, cropGrid, all, request.outsideHu);
  const roi = resampleNearest(request.mask, cropGrid, all);
  // Grid index (cell edge) → crop pixel (cell edge) along x and y.
  const toPx = (i: number, axis: 0 | 1) =>
    (grid.origin[axis] + i * grid.spacing[axis] - (cropGrid.origin[axis] - mmPerPx / 2)) / mmPerPx;
  const box = (x0: number, y0: number, x1: number, y1: number): [number, number, number, number] => {
    const [a, b, c, d] = [toPx(x0, 0), toPx(y0, 1), toPx(x1, 0), toPx(y1, 1)].map((v) => Math.round(v * 10) / 10) as [
      number,
      number,
      number,
      number,
    ];
    return [a, b, Math.round((c - a) * 10) / 10, Math.round((d - b) * 10) / 10];
  };
  const px0 = block.lo[0] + q.x - 0.5;
  const py0 = block.lo[1] + q.y - 0.5;
  const patchBoxPx = box(px0, py0, px0 + q.w, py0 + q.h);
  const tumourBoxPx = box(tx0, ty0, tx1, ty1);

  const rgb = new Uint8Array(ContextPx * ContextPx * 3);
  for (let o = 0; o < hu.length; o++) rgb.fill(windowToByte(hu[o]!, request.window), 3 * o, 3 * o + 3);
  drawOutline(rgb, roi, ContextPx, ContextPx);
  drawBox(rgb, ContextPx, ContextPx, patchBoxPx);
  return {
    context: {
      sliceIndex: request.sliceIndex,
      widthPx: ContextPx,
      heightPx: ContextPx,
      mmPerPx,
      patchBoxPx,
      tumourBoxPx,
    },
    png: encodePng(rgb, ContextPx, ContextPx, 3),
  };
}

/** Paints ROI pixels that touch a non-ROI 4-neighbour (or the crop's edge): the outline a reader sees in ITK-SNAP. */
export function drawOutline(rgb: Uint8Array, roi: Uint8Array, width: number, height: number): void {
  const inside = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && roi[x + width * y] !== 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!inside(x, y)) continue;
      if (inside(x - 1, y) && inside(x + 1, y) && inside(x, y - 1) && inside(x, y + 1)) continue;
      rgb.set(roiColour, 3 * (x + width * y));
    }
  }
}

/** Paints a rectangle's 2-px outline (clipped to the image) around [x, y, w, h] given in pixel-edge coordinates. */
export function drawBox(rgb: Uint8Array, width: number, height: number, [bx, by, bw, bh]: number[]): void {
  const x0 = Math.round(bx!);
  const y0 = Math.round(by!);
  const x1 = Math.max(x0 + 1, Math.round(bx! + bw!)) - 1;
  const y1 = Math.max(y0 + 1, Math.round(by! + bh!)) - 1;
  const paint = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < width && y < height) rgb.set(boxColour, 3 * (x + width * y));
  };
  for (let t = 0; t < 2; t++) {
    for (let x = x0; x <= x1; x++) {
      paint(x, y0 + t);
      paint(x, y1 - t);
    }
    for (let y = y0; y <= y1; y++) {
      paint(x0 + t, y);
      paint(x1 - t, y);
    }
  }
}
