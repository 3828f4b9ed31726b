import type {DemoScale} from "../../src/components/study/vocabulary.js";
import type {Vec3} from "../imaging/volume.js";
import type {Centre} from "./paperTable1.js";
import type {SynthScale} from "./synthScales.js";

/**
 * Scanner and reconstruction differences between the three centres: what makes external validation a real test.
 * The paper's Supplemental Table S1 (scan characteristics) is not public, so these are our choices, picked within
 * the range of routine multi-detector liver CT: in-plane spacing 0.6–1.4 mm, slice thickness 1–3 mm, quantum noise
 * 8–18 HU in soft tissue, a reconstruction kernel from smooth to sharp, and a small CT-number calibration offset
 * (phantom studies report inter-scanner differences of a few HU up to ~10 HU in soft tissue).
 * Spacings are multiples of 1/16 mm so they survive NIfTI's float32 pixdim exactly.
 */
export interface CentreProtocol {
  centre: Centre;
  /** Voxel spacing (x, y, z) in mm, per scale; the demo volumes are coarser to keep them small. */
  spacingMm: Record<DemoScale, Vec3>;
  /** Standard deviation of the added white quantum noise, HU. */
  noiseSdHu: number;
  /** Gaussian sigma of the in-plane reconstruction blur, mm (smaller = sharper kernel, and more noise). */
  blurMm: number;
  /** Calibration offset added to every voxel, HU. */
  huOffset: number;
  /** One line for the Data page. */
  description: string;
}

export const centreProtocols: Readonly<Record<Centre, CentreProtocol>> = {
  NFH: {
    centre: "NFH",
    spacingMm: {demo: [1.25, 1.25, 2.5], paper: [0.8125, 0.8125, 1]},
    noiseSdHu: 12,
    blurMm: 0.6,
    huOffset: 0,
    description: "standard kernel, medium slices",
  },
  ZHHAJU: {
    centre: "ZHHAJU",
    spacingMm: {demo: [1, 1, 2], paper: [0.6875, 0.6875, 1.25]},
    noiseSdHu: 10,
    blurMm: 0.8,
    huOffset: 5,
    description: "smooth kernel, fine in-plane spacing, +5 HU calibration",
  },
  SYUCC: {
    centre: "SYUCC",
    spacingMm: {demo: [1.375, 1.375, 3], paper: [0.9375, 0.9375, 1.5]},
    noiseSdHu: 14,
    blurMm: 0.45,
    huOffset: -4,
    description: "sharp kernel, coarse spacing, thick slices, −4 HU calibration",
  },
};

export function centreSpacing(centre: Centre, scale: SynthScale): Vec3 {
  const s = centreProtocols[centre].spacingMm[scale === "paper" ? "paper" : "demo"];
  return [s[0], s[1], s[2]];
}
