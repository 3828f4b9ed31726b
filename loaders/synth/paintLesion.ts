import type {Rng} from "../../src/components/stats/random.js";
import type {Vec3} from "../imaging/volume.js";
import type {Anatomy} from "./anatomy.js";
import {coarseRandomField, randomField} from "./gaussianBlur.js";
import type {Grid} from "./paintAnatomy.js";
import {type Phenotype, phenotypeModel} from "./phenotype.js";
import {Tissues} from "./tissues.js";
import {roughnessClip, shapeRadius, type TumourShape} from "./tumourShape.js";

/** Voxel-index box [lo, hi] (inclusive) covering a ball, clipped to the grid. */
function boxOf(grid: Grid, centre: Vec3, r: number): {lo: Vec3; hi: Vec3; size: Vec3} {
  const lo: Vec3 = [0, 0, 0];
  const hi: Vec3 = [0, 0, 0];
  for (let d = 0; d < 3; d++) {
    const o = grid.origin[d] as number;
    const s = grid.spacing[d] as number;
    lo[d] = Math.max(0, Math.floor(((centre[d] as number) - r - o) / s));
    hi[d] = Math.min((grid.size[d] as number) - 1, Math.ceil(((centre[d] as number) + r - o) / s));
  }
  return {lo, hi, size: [hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1]};
}

const smoothstep = (x: number) => (x <= 0 ? 0 : x >= 1 ? 1 : x * x * (3 - 2 * x));

/**
 * Paints one lesion: its ragged 3-D outline, arterial hyper-enhancement with fine (vascular) and coarse (blotchy)
 * texture, central-biased necrotic islands covering the phenotype's necrosis fraction of the interior, and a
 * partial hypo-attenuating capsule. Writes tissue = tumour and `lesion[at] = lesionId`.
 */
export function paintLesion(
  grid: Grid,
  shape: TumourShape,
  p: Phenotype,
  a: Anatomy,
  lesionId: number,
  full: boolean,
  rng: Rng,
  out: {tissue: Uint8Array; hu: Float32Array; lesion: Uint8Array},
): void {
  const m = phenotypeModel;
  const box = boxOf(grid, shape.centreMm, shape.envelopeMm);
  const n = box.size[0] * box.size[1] * box.size[2];
  const fine = randomField(box.size, grid.spacing, m.fineTexture.lengthMm, rng);
  // The smooth fields (correlation length ≥ 3 mm) are drawn on a grid twice as coarse in-plane: same look, less work.
  const smooth = (lengthMm: number) => coarseRandomField(box.size, grid.spacing, lengthMm, rng, 2);
  const coarse = full ? smooth(m.coarseTexture.lengthMm) : null;
  const necrotic = full ? smooth(m.necrosis.lengthMm) : null;
  const ragged = full && shape.roughness > 0 ? smooth(m.roughness.lengthMm) : null;
  const capsuleAngle = 2 * Math.PI * rng.next();
  const capsuleCos = 1 - 2 * p.capsuleCoverage;

  // Pass 1: normalised radius rho (< 1 inside) and the necrosis score of interior voxels.
  const rho = new Float32Array(n).fill(2);
  const score = new Float32Array(n);
  const interior: number[] = [];
  const [bx, by] = box.size;
  for (let k = 0; k < box.size[2]; k++) {
    const dz = (grid.origin[2] as number) + (box.lo[2] + k) * (grid.spacing[2] as number) - shape.centreMm[2];
    for (let j = 0; j < by; j++) {
      const dy = (grid.origin[1] as number) + (box.lo[1] + j) * (grid.spacing[1] as number) - shape.centreMm[1];
      for (let i = 0; i < bx; i++) {
        const dx = (grid.origin[0] as number) + (box.lo[0] + i) * (grid.spacing[0] as number) - shape.centreMm[0];
        const d = Math.hypot(dx, dy, dz);
        if (d > shape.envelopeMm) continue;
        const b = i + bx * (j + by * k);
        const r = d > 1e-9 ? shapeRadius(shape, dx / d, dy / d, dz / d) : shape.radiusMm;
        const rough = ragged ? Math.max(-roughnessClip, Math.min(roughnessClip, ragged[b] as number)) : 0;
        const q = d / r + shape.roughness * rough;
        rho[b] = q;
        if (necrotic && q < 0.85) {
          score[b] = (necrotic[b] as number) + 1.2 * (0.85 - q);
          interior.push(score[b] as number);
        }
      }
    }
  }
  let threshold = Number.POSITIVE_INFINITY;
  if (interior.length > 0 && p.necrosisFraction > 0) {
    interior.sort((x, y) => x - y);
    const at = Math.min(interior.length - 1, Math.floor((1 - p.necrosisFraction) * interior.length));
    threshold = interior[at] as number;
  }

  // Pass 2: attenuation.
  const capsuleHu = a.hu.liver + m.capsule.contrastHu;
  for (let k = 0; k < box.size[2]; k++) {
    for (let j = 0; j < by; j++) {
      for (let i = 0; i < bx; i++) {
        const b = i + bx * (j + by * k);
        const q = rho[b] as number;
        if (q >= 1) continue;
        const at = box.lo[0] + i + grid.size[0] * (box.lo[1] + j + grid.size[1] * (box.lo[2] + k));
        const f = fine[b] as number;
        let v = p.enhancementHu + (full ? p.fineAmplitudeHu : 0.8 * p.fineAmplitudeHu) * f;
        if (coarse) v += p.coarseAmplitudeHu * (coarse[b] as number);
        if (necrotic && q < 0.85) {
          const w = smoothstep(((score[b] as number) - threshold) / 0.3 + 0.5);
          v = (1 - w) * v + w * (m.necrosis.hu + 5 * f);
        }
        if (full && q > 1 - m.capsule.thickness) {
          const dx = (grid.origin[0] as number) + (box.lo[0] + i) * (grid.spacing[0] as number) - shape.centreMm[0];
          const dy = (grid.origin[1] as number) + (box.lo[1] + j) * (grid.spacing[1] as number) - shape.centreMm[1];
          if (Math.cos(Math.atan2(dy, dx) - capsuleAngle) > capsuleCos) v = 0.3 * v + 0.7 * capsuleHu;
        }
        out.hu[at] = v;
        out.tissue[at] = Tissues.tumour;
        out.lesion[at] = lesionId;
      }
    }
  }
}
