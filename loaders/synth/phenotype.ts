import type {Rng} from "../../src/components/stats/random.js";
import type {ResponseLabel} from "../../src/components/study/vocabulary.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";

/**
 * The response-linked tumour phenotype. Each patient's mRECIST label (CR < PR < SD < PD) sets an ordinal latent
 * score; the imaging phenotype is a smooth function of that score. Two sources of noise keep the task learnable but
 * not trivial: the score scatters around its label's position (latentSd) and a fraction of patients (labelNoise)
 * carry the phenotype of an adjacent class, as mRECIST outcomes do not follow imaging deterministically.
 *
 * Directions follow the literature the paper cites: Park et al. 2017 (AJR 209:W211, the paper's ref. 12): higher
 * arterial enhancement, higher GLCM moments / lower GLCM homogeneity (fine, high-contrast texture), and smaller size
 * predict complete response; Kim et al. 2015 and Vesselle et al. 2016 (refs. 10, 37): large, infiltrative,
 * necrotic, poorly encapsulated tumours respond poorly. All of it is visible inside a 16 mm patch within the tumour:
 * mean enhancement, fine-texture contrast vs coarse blotchiness, and necrotic islands.
 */
export const phenotypeModel = {
  /** Standard deviation of the latent score around the label's position (classes are 1 apart). */
  latentSd: 0.22,
  /** Probability that a patient's phenotype is drawn from an adjacent class. */
  labelNoise: 0.06,
  /** Viable-tumour arterial attenuation, HU: CR → PD at t = 0 → 1, plus a per-patient spread. */
  enhancementHu: {cr: 170, pd: 90, sd: 5},
  /**
   * Fine, vascular texture: amplitude in HU. High GLCM contrast, low homogeneity. Its 2 mm correlation length is above
   * every centre's voxel (≤ 1.375 mm) and kernel, so it is resolvable structure, not grain: at 1 mm it looked like
   * quantum noise, and each centre's noise shifted the predicted class (README, "Why the fine texture is 2 mm").
   */
  fineTexture: {lengthMm: 2, cr: 20, pd: 12},
  /** Coarse, blotchy heterogeneity (correlation length 4.5 mm): amplitude in HU. */
  coarseTexture: {lengthMm: 4.5, cr: 6, pd: 28},
  /** Fraction of the tumour interior that is necrotic: cr + (pd − cr)·t². */
  necrosis: {cr: 0.03, pd: 0.38, hu: 25, lengthMm: 6},
  /** Fraction of the margin covered by a (hypo-attenuating, arterial phase) capsule. */
  capsule: {cr: 1, pd: 0.2, thickness: 0.08, contrastHu: -12},
  /** Margin irregularity: amplitude of smooth lobulation and of ragged, infiltrative roughness (relative radius). */
  lobulation: {cr: 0.05, pd: 0.2},
  roughness: {cr: 0.02, pd: 0.12, lengthMm: 3},
} as const;

export interface Phenotype {
  /** The label whose phenotype this patient shows (differs from the true label under label noise). */
  phenotypeLabel: ResponseLabel;
  /** Latent ordinal score; 0 = typical CR, 3 = typical PD. */
  latent: number;
  /** latent / 3, clamped to [−0.15, 1.15]: the interpolation weight between CR-like and PD-like tumours. */
  t: number;
  enhancementHu: number;
  fineAmplitudeHu: number;
  coarseAmplitudeHu: number;
  necrosisFraction: number;
  capsuleCoverage: number;
  lobulation: number;
  roughness: number;
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

/** Draws the latent score for a patient with the given label. */
export function drawLatent(label: ResponseLabel, rng: Rng): {latent: number; phenotypeLabel: ResponseLabel} {
  let k = ResponseLabels.indexOf(label);
  if (k < 0) throw new RangeError(`drawLatent: expected one of ${ResponseLabels.join("|")}, got "${label}"`);
  if (rng.next() < phenotypeModel.labelNoise) {
    if (k === 0) k = 1;
    else if (k === ResponseLabels.length - 1) k -= 1;
    else k += rng.next() < 0.5 ? -1 : 1;
  }
  return {latent: k + phenotypeModel.latentSd * rng.normal(), phenotypeLabel: ResponseLabels[k] as ResponseLabel};
}

/** The imaging phenotype of a latent score (pure apart from the per-patient enhancement spread). */
export function phenotypeOf(latent: number, phenotypeLabel: ResponseLabel, rng: Rng): Phenotype {
  const m = phenotypeModel;
  const t = Math.min(1.15, Math.max(-0.15, latent / 3));
  const tc = Math.min(1, Math.max(0, t));
  return {
    phenotypeLabel,
    latent,
    t,
    enhancementHu: lerp(m.enhancementHu.cr, m.enhancementHu.pd, t) + m.enhancementHu.sd * rng.normal(),
    fineAmplitudeHu: Math.max(4, lerp(m.fineTexture.cr, m.fineTexture.pd, t)),
    coarseAmplitudeHu: Math.max(3, lerp(m.coarseTexture.cr, m.coarseTexture.pd, t)),
    necrosisFraction: lerp(m.necrosis.cr, m.necrosis.pd, tc * tc),
    capsuleCoverage: lerp(m.capsule.cr, m.capsule.pd, tc),
    lobulation: lerp(m.lobulation.cr, m.lobulation.pd, tc),
    roughness: lerp(m.roughness.cr, m.roughness.pd, tc),
  };
}
