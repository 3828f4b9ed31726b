import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {PatientError} from "../cohort/exclusion.js";
import {type ContextCrop, contextCrop} from "./contextCrop.js";
import {type ChannelSource, extractPatch} from "./extractPatch.js";
import {axisOfPhysical, type Grid, indexToPhysical, nativeAxialGrid, physicalToIndex} from "./grid.js";
import {largestLesion} from "./largestLesion.js";
import type {PatchRecord} from "./patchSet.js";
import {largestInscribed, type Placement, placePatches, type SliceMask} from "./placePatches.js";
import {type Block, blockSize, resampleLinear, resampleNearest} from "./resample.js";
import {selectSlices} from "./selectSlices.js";
import type {Vec3, Volume} from "./volume.js";
import type {HuWindow} from "./window.js";

/**
 * One patient's CT + binary tumour mask (same grid, already validated) → patches, following the paper's "Image
 * preprocessing" on native slices: take the tumour (the ROI's largest lesion, or every lesion: patches.lesion), find
 * its largest-area native axial slice and the nearest native slices, and on each cut either the largest square inside
 * the ROI (geometry "roi", the paper's "whole CT-ROI patch") or squares of sizeMm ("fixed"), at the scan's own in-plane
 * resolution, then resize to sizePx and window to uint8. A slice whose largest inside-ROI square spans fewer than
 * minNativePx native pixels gives no patch, and a patient left with none is excluded (tumourTooSmall) rather than
 * blown up. Only the block around the tumour is read, so memory and time scale with the tumour, not the scan.
 */
export interface PatientGeometry {
  patientId: string;
  cohort: string;
  originalSize: Vec3;
  originalSpacing: Vec3;
  /** Spacing (LPS x, y, z) of the grid the patches were cut on: the scan's own, finer in-plane only on request. */
  cuttingSpacing: Vec3;
  /** Volume of the whole ROI counted on the original grid (mm³). */
  tumourVolumeMm3: number;
  /** Every lesion of the ROI (26-connected), mm³, largest first; patches.lesion says which were analysed. */
  lesionVolumesMm3: number[];
  /** Largest axial area of the analysed tumour (mm²) and the diameter of the circle of that area (mm). */
  largestAreaMm2: number;
  equivalentDiameterMm: number;
  /** Native slice indices chosen, each one's largest inside-ROI square, and the slices that gave no patch. */
  slices: number[];
  largestSquares: Array<{sliceIndex: number; nativePx: number; sizeMm: number}>;
  slicesWithoutPatch: number[];
  fallback: boolean;
}

export interface PatientPatches {
  records: PatchRecord[];
  pixels: Uint8Array[];
  /** Per record, Fig 4's context crop (contextCrop.ts); empty when not asked for. */
  contexts: ContextCrop[];
  geometry: PatientGeometry;
}

export interface PreprocessOptions {
  /** Make each patch's context crop for the gallery (default true; the geometry sensitivity runs skip it). */
  contexts?: boolean;
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

/** HU written where the cutting grid leaves the scan (air). */
export const outsideHu = -1024;

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
/** Native pixels as a person reads them: whole on the native grid, one decimal on a finer common grid. */
const px = (v: number) => (Number.isInteger(round4(v)) ? String(round4(v)) : v.toFixed(1));

export function preprocessPatient(
  input: PatientInput,
  config: StudyConfig,
  options: PreprocessOptions = {},
): PatientPatches {
  const {image, mask, patientId, cohort, label} = input;
  const {patches: p, imaging} = config;
  const what = `patient ${patientId}`;
  const maskName = input.maskFile ? `: mask ${input.maskFile}` : "";
  const [lo, hi, tumourVoxels] = tumourExtent(mask);
  const lesions = largestLesion(mask, lo, hi);
  const roi = p.lesion === "largest" ? lesions.largest : mask;
  const extent: [Vec3, Vec3] = roi === mask ? [lo, hi] : (tumourExtent(roi).slice(0, 2) as [Vec3, Vec3]);
  const common = p.inPlaneSpacing === "common" ? imaging.targetSpacingMm : undefined;
  const grid = nativeAxialGrid(image, common ? [common[0], common[1]] : undefined);
  const nativeSx = nativeAxialGrid(image).spacing[0];
  const sliceAxis = axisOfPhysical(image)[2];
  const block = tumourBlock(roi, grid, extent);
  const [bx, by, bz] = blockSize(block);
  const resampled = resampleNearest(roi, grid, block);
  const [sx, sy] = grid.spacing;
  const areas = new Float64Array(bz);
  for (let z = 0; z < bz; z++) {
    let n = 0;
    for (let o = z * bx * by, end = o + bx * by; o < end; o++) n += resampled[o]!;
    areas[z] = n * sx * sy;
  }
  const voxelMm3 = image.spacing[0] * image.spacing[1] * image.spacing[2];
  const largestAreaMm2 = Math.max(0, ...areas);
  const geometry: PatientGeometry = {
    patientId,
    cohort,
    originalSize: [...image.size],
    originalSpacing: [...image.spacing],
    cuttingSpacing: [...grid.spacing],
    tumourVolumeMm3: tumourVoxels * voxelMm3,
    lesionVolumesMm3: lesions.voxelCounts.map((n) => round4(n * voxelMm3)),
    largestAreaMm2,
    equivalentDiameterMm: 2 * Math.sqrt(largestAreaMm2 / Math.PI),
    slices: [],
    largestSquares: [],
    slicesWithoutPatch: [],
    fallback: false,
  };
  const chosen = selectSlices(areas, p.slicesPerPatient, p.minSliceAreaFraction);
  if (chosen.length === 0) {
    throw new PatientError(
      "tumourTooSmall",
      `${what}: tumour too small for a patch: the tumour (${geometry.tumourVolumeMm3.toFixed(1)} mm³) covers no axial slice${maskName}`,
      input.maskFile,
    );
  }
  const sliceMask = (z: number): SliceMask => ({
    width: bx,
    height: by,
    data: resampled.subarray(z * bx * by, (z + 1) * bx * by),
  });
  // The minimum-information rule, measured by each slice's largest square inside the ROI (coverage rule included).
  const squares = chosen.map((z) => largestInscribed(sliceMask(z), bx, sx / sy, p.minRoiCoverage));
  const nativePxOf = (w: number) => (w * sx) / nativeSx;
  const passes = squares.map((q) => q !== undefined && nativePxOf(q.w) >= p.minNativePx - 1e-9);
  const nativeSlice = (z: number) => {
    const centre = indexToPhysical(grid, [block.lo[0] + (bx - 1) / 2, block.lo[1] + (by - 1) / 2, block.lo[2] + z]);
    return Math.round(physicalToIndex(image, centre)[sliceAxis]!);
  };
  chosen.forEach((z, s) => {
    const q = squares[s];
    geometry.largestSquares.push({
      sliceIndex: nativeSlice(z),
      nativePx: q ? round4(nativePxOf(q.w)) : 0,
      sizeMm: q ? round4(q.w * sx) : 0,
    });
  });
  const best = geometry.largestSquares.reduce((a, b) => (b.nativePx > a.nativePx ? b : a));
  const bestText = `largest square ${px(best.nativePx)} px / ${best.sizeMm.toFixed(1)} mm`;
  if (!passes.some(Boolean)) {
    throw new PatientError(
      "tumourTooSmall",
      `${what}: tumour too small for a patch: ${bestText} on its ${chosen.length} largest slice(s), below patches.minNativePx = ${p.minNativePx}${maskName}`,
      input.maskFile,
    );
  }
  let placements: Placement[][];
  if (p.geometry === "roi") {
    placements = squares.map((q, s) => (q && passes[s] ? [q] : []));
  } else {
    const w = Math.max(1, Math.round(p.sizeMm / sx));
    const h = Math.max(1, Math.round(p.sizeMm / sy));
    placements = chosen.map((z, s) =>
      passes[s] ? placePatches(sliceMask(z), w, h, p.minRoiCoverage, p.patchesPerSlice) : [],
    );
    if (placements.every((list) => list.length === 0)) {
      if (p.fallback === "exclude") {
        throw new PatientError(
          "tumourTooSmall",
          `${what}: tumour too small for a ${p.sizeMm} mm patch: ${bestText} on its ${chosen.length} largest slice(s) (patches.fallback = "exclude")${maskName}`,
          input.maskFile,
        );
      }
      placements = squares.map((q, s) => (q && passes[s] ? [q] : []));
      geometry.fallback = true;
    }
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
  const contexts: ContextCrop[] = [];
  const tumour = options.contexts === false ? undefined : inPlaneBox(resampled, bx, by, bz, block);
  chosen.forEach((z, s) => {
    const k = block.lo[2] + z;
    const native = geometry.largestSquares[s]!.sliceIndex;
    geometry.slices.push(native);
    const list = placements[s] ?? [];
    if (list.length === 0) geometry.slicesWithoutPatch.push(native);
    list.forEach((placement, n) => {
      const nativePx = round4(nativePxOf(placement.w));
      pixels.push(extractPatch(channelSources(k, hu, config), bx, placement, p.sizePx));
      if (tumour) {
        contexts.push(
          contextCrop({
            image,
            mask,
            grid,
            block,
            tumour,
            k,
            placement,
            window: imaging.window,
            sliceIndex: native,
            outsideHu,
          }),
        );
      }
      records.push({
        patchId: `${patientId}-s${native}-p${n}`,
        patientId,
        cohort,
        label,
        geometry: p.geometry,
        sliceIndex: native,
        centreMm: patchCentre(grid, block, placement, k),
        sizeMm: round4(placement.w * sx),
        nativePx,
        magnification: round4(p.sizePx / nativePx),
        roiCoverage: placement.coverage,
        fallback: geometry.fallback,
      });
    });
  });
  return {records, pixels, contexts, geometry};
}

/** The tumour's in-plane bounding box over every slice of the block, inclusive indices of the cutting grid. */
function inPlaneBox(
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
