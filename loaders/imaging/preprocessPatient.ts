import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {PatientError} from "../cohort/exclusion.js";
import {channelSources, huSlices, outsideHu} from "./channelSources.js";
import {type ContextCrop, contextCrop} from "./contextCrop.js";
import {extractPatch} from "./extractPatch.js";
import {axisOfPhysical, type Grid, indexToPhysical, nativeAxialGrid, physicalToIndex} from "./grid.js";
import {largestLesion} from "./largestLesion.js";
import {longestAxialDiameterMm} from "./longestDiameter.js";
import type {PatchRecord} from "./patchSet.js";
import {type PatientGeometry, patientGeometry, round4, sliceAreas} from "./patientGeometry.js";
import {largestInscribed, type Placement, type SliceMask} from "./placePatches.js";
import {type Block, blockSize, resampleNearest} from "./resampleVolume.js";
import {selectSlices} from "./selectSlices.js";
import {slicePlacements} from "./slicePlacements.js";
import {inPlaneBox, tumourBlock, tumourExtent} from "./tumourExtent.js";
import type {Vec3, Volume} from "./volume.js";

/**
 * One patient's CT + binary tumour mask (same grid, already validated) → patches, following the paper's "Image
 * preprocessing" on native slices: take the tumour (the ROI's largest lesion, or every lesion: patches.lesion), find
 * its largest-area native axial slice and the nearest native slices, and on each cut either the largest square inside
 * the ROI (geometry "roi", the paper's "whole CT-ROI patch") or squares of sizeMm ("fixed"), at the scan's own in-plane
 * resolution, then resize to sizePx and window to uint8. A tumour whose longest axial diameter is below mRECIST's
 * measurable 10 mm (patches.minDiameterMm) is excluded first; then a slice whose largest inside-ROI square spans fewer
 * than minNativePx native pixels gives no patch, and a patient left with none is excluded (tumourTooSmall) rather
 * than blown up. Only the block around the tumour is read, so memory and time scale with the tumour, not the scan.
 * The parts live beside this file: tumourExtent.ts (the blocks read), patientGeometry.ts (the record and its
 * measurements), slicePlacements.ts (roi / fixed placement) and channelSources.ts (the HU slices each channel reads).
 */
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
  const areas = sliceAreas(resampled, [bx, by, bz], grid.spacing);
  const geometry = patientGeometry({
    patientId,
    cohort,
    image,
    cuttingSpacing: grid.spacing,
    tumourVoxels,
    lesionVoxelCounts: lesions.voxelCounts,
    areas,
    longestDiameterMm: longestAxialDiameterMm(resampled, [bx, by, bz], [sx, sy]),
  });
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
  // mRECIST's measurable lesion first, in millimetres; the pixel floor below is a second, separate guard.
  if (geometry.longestDiameterMm < p.minDiameterMm) {
    throw new PatientError(
      "tumourTooSmall",
      `${what}: tumour not measurable (mRECIST): longest axial diameter ${geometry.longestDiameterMm.toFixed(1)} mm, below patches.minDiameterMm = ${p.minDiameterMm} (${bestText}; patches.minNativePx = ${p.minNativePx})${maskName}`,
      input.maskFile,
    );
  }
  if (!passes.some(Boolean)) {
    throw new PatientError(
      "tumourTooSmall",
      `${what}: tumour too small for a patch: ${bestText} on its ${chosen.length} largest slice(s), below patches.minNativePx = ${p.minNativePx}${maskName}`,
      input.maskFile,
    );
  }
  const placed = slicePlacements(p, chosen, sliceMask, squares, passes, grid.spacing);
  if (!placed) {
    throw new PatientError(
      "tumourTooSmall",
      `${what}: tumour too small for a ${p.sizeMm} mm patch: ${bestText} on its ${chosen.length} largest slice(s) (patches.fallback = "exclude")${maskName}`,
      input.maskFile,
    );
  }
  const {placements} = placed;
  geometry.fallback = placed.fallback;

  const hu = huSlices(image, grid, block);
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

function patchCentre(grid: Grid, block: Block, q: Placement, k: number): Vec3 {
  const c = indexToPhysical(grid, [block.lo[0] + q.x + (q.w - 1) / 2, block.lo[1] + q.y + (q.h - 1) / 2, k]);
  return c.map((v) => Math.round(v * 1e4) / 1e4) as Vec3;
}
