import type {Vec3, Volume} from "./volume.js";

/**
 * The per-patient geometry record (sizes, spacings, tumour volume and area, the slices and squares chosen) that the
 * Patch geometry page and patch_geometry.csv show, and the measurements it starts from. Split from
 * preprocessPatient.ts so the record's shape and its measured fields sit apart from the cutting.
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
  /** Longest axial diameter of the analysed tumour (mm), mRECIST's measurement (longestDiameter.ts). */
  longestDiameterMm: number;
  /** Native slice indices chosen, each one's largest inside-ROI square, and the slices that gave no patch. */
  slices: number[];
  largestSquares: Array<{sliceIndex: number; nativePx: number; sizeMm: number}>;
  slicesWithoutPatch: number[];
  fallback: boolean;
}

/** Four decimals, as the geometry record and the patch records store lengths and ratios. */
export const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** The analysed tumour's area (mm²) on each slice of the block: bx × by × bz mask on the cutting grid. */
export function sliceAreas(
  resampled: Uint8Array,
  [bx, by, bz]: readonly [number, number, number],
  [sx, sy]: readonly number[],
): Float64Array {
  const areas = new Float64Array(bz);
  for (let z = 0; z < bz; z++) {
    let n = 0;
    for (let o = z * bx * by, end = o + bx * by; o < end; o++) n += resampled[o]!;
    areas[z] = n * sx! * sy!;
  }
  return areas;
}

/** The record as measured before any slice is chosen; preprocessPatient fills the slices, squares and fallback. */
export function patientGeometry(m: {
  patientId: string;
  cohort: string;
  image: Volume<Float32Array>;
  cuttingSpacing: Vec3;
  /** Voxels of the whole ROI, and of each lesion largest first, on the original grid. */
  tumourVoxels: number;
  lesionVoxelCounts: readonly number[];
  areas: Float64Array;
  longestDiameterMm: number;
}): PatientGeometry {
  const {image} = m;
  const voxelMm3 = image.spacing[0] * image.spacing[1] * image.spacing[2];
  const largestAreaMm2 = Math.max(0, ...m.areas);
  return {
    patientId: m.patientId,
    cohort: m.cohort,
    originalSize: [...image.size],
    originalSpacing: [...image.spacing],
    cuttingSpacing: [...m.cuttingSpacing],
    tumourVolumeMm3: m.tumourVoxels * voxelMm3,
    lesionVolumesMm3: m.lesionVoxelCounts.map((n) => round4(n * voxelMm3)),
    largestAreaMm2,
    equivalentDiameterMm: 2 * Math.sqrt(largestAreaMm2 / Math.PI),
    longestDiameterMm: round4(m.longestDiameterMm),
    slices: [],
    largestSquares: [],
    slicesWithoutPatch: [],
    fallback: false,
  };
}
