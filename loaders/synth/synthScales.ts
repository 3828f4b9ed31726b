import type {Centre} from "./paperTable1.js";

/**
 * Study sizes. "paper" reproduces the paper's cohorts (562 / 89 / 138 patients); "demo" is the embedded default
 * study, sized so a fresh `npm run build` (generation + preprocessing + embeddings) stays within a few minutes on two
 * cores; "tiny" exists for tests only.
 */
export const SynthScales = ["tiny", "demo", "paper"] as const;
export type SynthScale = (typeof SynthScales)[number];

/** Patients per centre at each scale: the one knob to retune the demo's build time. */
export const synthCounts: Readonly<Record<SynthScale, Readonly<Record<Centre, number>>>> = {
  tiny: {NFH: 12, ZHHAJU: 6, SYUCC: 6},
  demo: {NFH: 100, ZHHAJU: 40, SYUCC: 40},
  paper: {NFH: 562, ZHHAJU: 89, SYUCC: 138},
};

/** Field of view and anatomy size at one scale (millimetres, body-centred LPS frame: x → patient left, y → posterior). */
export interface ScaleGeometry {
  /** Multiplies every anatomical length (body, organs): the paper scale shows a larger patient and field of view. */
  anatomyScale: number;
  /** First voxel centre's x and y, and the z range is [−fovMm[2]/2, fovMm[2]/2]. */
  fovStartMm: [number, number];
  /** Extent of the field of view in x, y, z. */
  fovMm: [number, number, number];
  /**
   * Largest-lesion diameter: the nominal Table 1 diameter D (2–15 cm) is mapped linearly onto [min, max] cm.
   * null = no mapping (paper scale draws tumours at their nominal size).
   */
  diameterRangeCm: {min: number; max: number} | null;
  /** Radius range of satellite nodules (tumour_number > 1), mm. */
  satelliteRadiusMm: [number, number];
}

const demoGeometry: ScaleGeometry = {
  anatomyScale: 1,
  // Cropped around the liver: lateral right body wall to just left of the aorta, anterior skin to the vertebral body.
  fovStartMm: [-150, -108],
  fovMm: [190, 170, 84],
  diameterRangeCm: {min: 2.2, max: 6},
  satelliteRadiusMm: [4, 8],
};

export const scaleGeometry: Readonly<Record<SynthScale, ScaleGeometry>> = {
  tiny: demoGeometry,
  demo: demoGeometry,
  paper: {
    anatomyScale: 1.25,
    fovStartMm: [-200, -140],
    fovMm: [260, 225, 200],
    diameterRangeCm: null,
    satelliteRadiusMm: [5, 14],
  },
};

/** The nominal (Table 1) diameter range the size bins are drawn from, cm. */
export const nominalDiameterCm = {min: 2, max: 15} as const;

/** Diameter actually drawn for a nominal Table 1 diameter at this scale, cm. */
export function drawnDiameterCm(nominalCm: number, geometry: ScaleGeometry): number {
  const range = geometry.diameterRangeCm;
  if (!range) return nominalCm;
  const f = (nominalCm - nominalDiameterCm.min) / (nominalDiameterCm.max - nominalDiameterCm.min);
  return range.min + Math.min(1, Math.max(0, f)) * (range.max - range.min);
}
