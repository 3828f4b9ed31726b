import {type Grid, indexToPhysical, physicalToIndex} from "./grid.js";
import type {Block} from "./resampleVolume.js";
import type {Vec3, Volume} from "./volume.js";

/**
 * The tumour's bounding boxes: on the mask's own grid (tumourExtent), as a block of the cutting grid (tumourBlock), and
 * in-plane on that block (inPlaneBox). Split from preprocessPatient.ts: they are the "read only around the tumour"
 * part of preprocessing, so memory and time scale with the tumour rather than the scan.
 */

/** Index bounding box (inclusive) of the mask's nonzero voxels, and their count, in one pass over the volume. */
export function tumourExtent(mask: Volume<Uint8Array>): [Vec3, Vec3, number] {
  const [nx, ny, nz] = mask.size;
  const data = mask.data;
  let [x0, y0, z0, x1, y1, z1, count] = [nx, ny, nz, -1, -1, -1, 0];
  for (let k = 0, o = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      let rowCount = 0;
      for (let i = 0; i < nx; i++, o++) {
        if (data[o] === 0) continue;
        rowCount++;
        if (i < x0) x0 = i;
        if (i > x1) x1 = i;
      }
      if (rowCount === 0) continue;
      count += rowCount;
      if (j < y0) y0 = j;
      if (j > y1) y1 = j;
      if (k < z0) z0 = k;
      if (k > z1) z1 = k;
    }
  }
  return [[x0, y0, z0], [x1, y1, z1], count];
}

/**
 * The block of the target grid covering the mask's bounding box (its voxel cells, ±½ voxel) plus one voxel.
 * `extent` (from tumourExtent) saves a pass over the volume when the caller already has it.
 */
export function tumourBlock(mask: Volume<Uint8Array>, grid: Grid, extent?: [Vec3, Vec3]): Block {
  const [lo, hi] = extent ?? tumourExtent(mask);
  const out: Block = {lo: [...grid.size], hi: [0, 0, 0]};
  for (let c = 0; c < 8; c++) {
    const corner: Vec3 = [
      c & 1 ? hi[0] + 0.5 : lo[0] - 0.5,
      c & 2 ? hi[1] + 0.5 : lo[1] - 0.5,
      c & 4 ? hi[2] + 0.5 : lo[2] - 0.5,
    ];
    const t = physicalToIndex(grid, indexToPhysical(mask, corner));
    for (let a = 0; a < 3; a++) {
      out.lo[a] = Math.min(out.lo[a]!, Math.max(0, Math.floor(t[a]!) - 1));
      out.hi[a] = Math.max(out.hi[a]!, Math.min(grid.size[a]!, Math.ceil(t[a]!) + 2));
    }
  }
  return out;
}

/** The tumour's in-plane bounding box over every slice of the block, inclusive indices of the cutting grid. */
export function inPlaneBox(
  resampled: Uint8Array,
  bx: number,
  by: number,
  bz: number,
  block: Block,
): [number, number, number, number] {
  let [x0, y0, x1, y1] = [bx, by, -1, -1];
  for (let z = 0, o = 0; z < bz; z++) {
    for (let y = 0; y < by; y++) {
      for (let x = 0; x < bx; x++, o++) {
        if (resampled[o] === 0) continue;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return [block.lo[0] + x0, block.lo[1] + y0, block.lo[0] + x1, block.lo[1] + y1];
}
