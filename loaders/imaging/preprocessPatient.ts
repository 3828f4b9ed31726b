import {PatientError} from "../cohort/exclusion.js";
import type {StudyConfig} from "../config/studyConfig.js";
import {type ChannelSource, extractPatch} from "./extractPatch.js";
import {axisAlignedGrid, type Grid, indexToPhysical, physicalToIndex} from "./grid.js";
import type {PatchRecord} from "./patchSet.js";
import {largestInscribed, type Placement, placePatches, type SliceMask} from "./placePatches.js";
import {type Block, blockSize, resampleLinear, resampleNearest} from "./resample.js";
import {selectSlices} from "./selectSlices.js";
import type {Vec3, Volume} from "./volume.js";
import type {HuWindow} from "./window.js";

/**
 * One patient's CT + binary tumour mask (same grid, already validated) → patches, following the paper's "Image
 * preprocessing": resample to the target spacing (linear CT, nearest mask), take the largest-area axial slice and its
 * nearest neighbours, cut square patches of sizeMm inside the ROI, resize to sizePx, window to uint8.
 * Only the block around the tumour is resampled, so memory and time scale with the tumour, not the scan.
 */
export interface PatientGeometry {
  patientId: string;
  cohort: string;
  originalSize: Vec3;
  originalSpacing: Vec3;
  resampledSpacing: Vec3;
  /** Tumour volume counted on the original grid (mm³). */
  tumourVolumeMm3: number;
  /** Largest axial tumour area after resampling (mm²) and the diameter of the circle of that area (mm). */
  largestAreaMm2: number;
  equivalentDiameterMm: number;
  /** Axial slice indices (resampled grid) chosen, and those that could not hold a patch. */
  slices: number[];
  slicesWithoutPatch: number[];
  fallback: boolean;
}

export interface PatientPatches {
  records: PatchRecord[];
  pixels: Uint8Array[];
  geometry: PatientGeometry;
}

export interface PatientInput {
  patientId: string;
  cohort: string;
  label: PatchRecord["label"];
  image: Volume<Float32Array>;
  mask: Volume<Uint8Array>;
  /** The mask's file, for messages. */
  maskFile?: string;
}

/** HU written where the resampled grid leaves the scan (air). */
export const outsideHu = -1024;

export function preprocessPatient(input: PatientInput, config: StudyConfig): PatientPatches {
  const {image, mask, patientId, cohort, label} = input;
  const {patches: p, imaging} = config;
  const what = `patient ${patientId}`;
  const grid = axisAlignedGrid(image, imaging.targetSpacingMm);
  const block = tumourBlock(mask, grid);
  const [bx, by, bz] = blockSize(block);
  const resampled = resampleNearest(mask, grid, block);
  const [sx, sy] = grid.spacing;
  const areas = new Float64Array(bz);
  for (let z = 0; z < bz; z++) {
    let n = 0;
    for (let o = z * bx * by, end = o + bx * by; o < end; o++) n += resampled[o]!;
    areas[z] = n * sx * sy;
  }
  const voxelMm3 = image.spacing[0] * image.spacing[1] * image.spacing[2];
  const tumourVoxels = tumourExtent(mask)[2];
  const largestAreaMm2 = Math.max(0, ...areas);
  const geometry: PatientGeometry = {
    patientId,
    cohort,
    originalSize: [...image.size],
    originalSpacing: [...image.spacing],
    resampledSpacing: [...grid.spacing],
    tumourVolumeMm3: tumourVoxels * voxelMm3,
    largestAreaMm2,
    equivalentDiameterMm: 2 * Math.sqrt(largestAreaMm2 / Math.PI),
    slices: [],
    slicesWithoutPatch: [],
    fallback: false,
  };
  const chosen = selectSlices(areas, p.slicesPerPatient, p.minSliceAreaFraction);
  if (chosen.length === 0) {
    throw new PatientError(
      "tumourTooSmall",
      `${what}: the tumour (${geometry.tumourVolumeMm3.toFixed(1)} mm³) vanishes when resampled to ${grid.spacing.join("×")} mm: mask ${input.maskFile}`,
      input.maskFile,
    );
  }
  const sliceMask = (z: number): SliceMask => ({
    width: bx,
    height: by,
    data: resampled.subarray(z * bx * by, (z + 1) * bx * by),
  });
  const w = Math.max(1, Math.round(p.sizeMm / sx));
  const h = Math.max(1, Math.round(p.sizeMm / sy));
  let placements = chosen.map((z) => placePatches(sliceMask(z), w, h, p.minRoiCoverage, p.patchesPerSlice));
  if (placements.every((list) => list.length === 0)) {
    const inscribed = chosen.map((z) => largestInscribed(sliceMask(z), w - 1, sx / sy));
    const best = Math.max(0, ...inscribed.map((q) => (q ? q.w * sx : 0)));
    if (p.fallback === "exclude" || best === 0) {
      throw new PatientError(
        "tumourTooSmall",
        `${what}: tumour cannot hold a ${p.sizeMm} mm patch on its ${chosen.length} largest slice(s) (largest inscribed square ${best.toFixed(1)} mm; patches.fallback = "${p.fallback}")`,
        input.maskFile,
      );
    }
    placements = inscribed.map((q) => (q ? [q] : []));
    geometry.fallback = true;
  }

  const sliceCache = new Map<number, Float32Array>();
  const hu = (k: number): Float32Array => {
    const kk = Math.min(Math.max(k, 0), grid.size[2] - 1);
    let slice = sliceCache.get(kk);
    if (!slice) {
      const b: Block = {lo: [block.lo[0], block.lo[1], kk], hi: [block.hi[0], block.hi[1], kk + 1]};
      slice = resampleLinear(image, grid, b, outsideHu);
      sliceCache.set(kk, slice);
    }
    return slice;
  };
  const records: PatchRecord[] = [];
  const pixels: Uint8Array[] = [];
  chosen.forEach((z, s) => {
    const k = block.lo[2] + z;
    geometry.slices.push(k);
    const list = placements[s] ?? [];
    if (list.length === 0) geometry.slicesWithoutPatch.push(k);
    list.forEach((placement, n) => {
      pixels.push(extractPatch(channelSources(k, hu, config), bx, placement, p.sizePx));
      records.push({
        patchId: `${patientId}-s${k}-p${n}`,
        patientId,
        cohort,
        label,
        sliceIndex: k,
        centreMm: patchCentre(grid, block, placement, k),
        sizeMm: placement.w * sx,
        roiCoverage: placement.coverage,
        scale: p.sizePx / placement.w,
        fallback: geometry.fallback,
      });
    });
  });
  return {records, pixels, geometry};
}

function channelSources(
  k: number,
  hu: (k: number) => Float32Array,
  config: StudyConfig,
): [ChannelSource, ChannelSource, ChannelSource] {
  const {channels, channelWindows} = config.patches;
  const window: HuWindow = config.imaging.window;
  if (channels === "windows") {
    const slice = hu(k);
    const [a, b, c] = channelWindows as [HuWindow, HuWindow, HuWindow];
    return [
      {slice, window: a},
      {slice, window: b},
      {slice, window: c},
    ];
  }
  if (channels === "slices") {
    return [
      {slice: hu(k - 1), window},
      {slice: hu(k), window},
      {slice: hu(k + 1), window},
    ];
  }
  const grey = {slice: hu(k), window};
  return [grey, grey, grey];
}

function patchCentre(grid: Grid, block: Block, q: Placement, k: number): Vec3 {
  const c = indexToPhysical(grid, [block.lo[0] + q.x + (q.w - 1) / 2, block.lo[1] + q.y + (q.h - 1) / 2, k]);
  return c.map((v) => Math.round(v * 1e4) / 1e4) as Vec3;
}

/** The block of the target grid covering the mask's bounding box (its voxel cells, ±½ voxel) plus one voxel. */
export function tumourBlock(mask: Volume<Uint8Array>, grid: Grid): Block {
  const [lo, hi] = tumourExtent(mask);
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
