import type {PatchGeometry, ResponseLabel} from "../../src/components/study/vocabulary.js";
import type {ContextCrop} from "./contextCrop.js";
import type {Vec3} from "./volume.js";

/**
 * The hand-off between preprocessing and the model: every patch of one cohort, pixels and provenance together.
 * Pixels are uint8, interleaved RGB (N × sizePx × sizePx × 3, row-major, y then x then channel). value / 255 is the
 * paper's [0, 1] windowed intensity; the model maps 0…255 to BGR minus the caffe means itself.
 */
export interface PatchRecord {
  patchId: string;
  patientId: string;
  cohort: string;
  label: ResponseLabel;
  /** How the patch was placed: the largest square inside the ROI ("roi") or a square of patches.sizeMm ("fixed"). */
  geometry: PatchGeometry;
  /**
   * The native acquisition slice the patch was cut from: its index along the stored volume's slice axis, as a viewer
   * of the original file numbers it (never an interpolated slice).
   */
  sliceIndex: number;
  /** Patch centre in physical LPS coordinates (mm). */
  centreMm: Vec3;
  /** Side of the square patch in mm, before resizing to sizePx. */
  sizeMm: number;
  /** Native in-plane pixels across the patch (sizeMm / the scan's in-plane spacing): how much image it holds. */
  nativePx: number;
  /** sizePx / nativePx: how much the scan's pixels were enlarged (> 1) or reduced (< 1) to reach sizePx. */
  magnification: number;
  /** Fraction of the patch's pixels inside the ROI (1 = entirely inside, as the paper requires). */
  roiCoverage: number;
  /** True when the patient's tumour could not hold a fixed-size patch and the inscribed-square fallback was used. */
  fallback: boolean;
}

export interface PatchSet {
  cohort: string;
  sizePx: number;
  records: PatchRecord[];
  pixels: Uint8Array;
  /** Per record (same order), Fig 4's context crop around the tumour; absent when preprocessing made none. */
  contexts?: ContextCrop[];
}

export const patchByteLength = (sizePx: number): number => sizePx * sizePx * 3;

export function patchPixels(set: PatchSet, index: number): Uint8Array {
  const n = patchByteLength(set.sizePx);
  return set.pixels.subarray(index * n, (index + 1) * n);
}
