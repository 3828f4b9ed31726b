import {createRng} from "../../src/components/stats/random.js";
import {identityDirection, makeVolume, type Vec3, type Volume} from "../imaging/volume.js";
import {drawAnatomy} from "./anatomy.js";
import {centreProtocols, centreSpacing} from "./centreProtocols.js";
import {coarseRandomField, gaussianBlur, normalFill} from "./gaussianBlur.js";
import {maxInPlaneDiameterMm} from "./maxInPlaneDiameterMm.js";
import {type Grid, paintAnatomy} from "./paintAnatomy.js";
import {paintLesion} from "./paintLesion.js";
import type {PatientPlan} from "./planStudy.js";
import {drawnDiameterCm, type SynthScale, scaleGeometry} from "./synthScales.js";
import {Tissues} from "./tissues.js";
import {drawShape, placeMain, placeSatellite, type TumourShape} from "./tumourShape.js";

export interface SynthPatient {
  plan: PatientPlan;
  /** Arterial-phase CT, HU, int16. */
  ct: Volume<Int16Array>;
  /** Tumour ROI: 1 = tumour (every lesion), 0 = background. Same grid as the CT. */
  mask: Volume<Uint8Array>;
  /** Tissue class per voxel (Tissues): kept for tests and figures, never written. */
  tissue: Uint8Array;
  /** Lesion id per voxel: 1 = main lesion, 2… = satellites, 0 = none. */
  lesion: Uint8Array;
  /** Largest in-plane diameter of the main lesion, measured on the mask, cm (1 decimal). */
  tumourSizeCm: number;
  /** Lesions actually placed (main + satellites). */
  tumourNumber: number;
}

/** The volume grid of a centre at a scale: field of view from scaleGeometry, spacing from centreProtocols. */
export function synthGrid(plan: Pick<PatientPlan, "cohort">, scale: SynthScale): Grid {
  const g = scaleGeometry[scale];
  const spacing = centreSpacing(plan.cohort, scale);
  const size = g.fovMm.map((f, d) => Math.max(1, Math.round(f / (spacing[d] as number)))) as Vec3;
  // Voxel centres at multiples of 1/16 mm (spacings are), so NIfTI's float32 geometry stores them exactly.
  const zStart = -Math.round((((size[2] - 1) * spacing[2]) / 2) * 16) / 16;
  return {size, spacing, origin: [g.fovStartMm[0], g.fovStartMm[1], zStart]};
}

/**
 * Renders one patient: a pure function of the plan and the scale (the plan's volumeSeed drives every random draw).
 * Steps: anatomy → lesion placement → background painting → lesions → the centre's reconstruction blur, quantum
 * noise and calibration offset → int16 HU. The mask is the exact lesion geometry, as an expert ROI would be.
 */
export function synthesizePatient(plan: PatientPlan, scale: SynthScale): SynthPatient {
  const rng = createRng(plan.volumeSeed);
  const geometry = scaleGeometry[scale];
  const grid = synthGrid(plan, scale);
  const [nx, ny, nz] = grid.size;
  const n = nx * ny * nz;
  const zHalf = ((nz - 1) * grid.spacing[2]) / 2;
  const bounds = {
    fovStart: grid.origin,
    fovEnd: grid.origin.map((o, d) => o + ((grid.size[d] as number) - 1) * (grid.spacing[d] as number)) as Vec3,
  };

  // Lobes and roughness push the caliper diameter above 2·radius; shrink the radius to aim at the intended size.
  const p = plan.phenotype;
  const diameterMm = 10 * drawnDiameterCm(plan.nominalDiameterCm, geometry);
  const radius = diameterMm / 2 / (1 + 0.6 * p.lobulation + 1.5 * p.roughness);
  const shape = drawShape(radius, p.lobulation, p.roughness, rng);
  // A tumour too large for this body enlarges body and liver (hepatomegaly) up to 60 %; only then does it shrink.
  let k = geometry.anatomyScale;
  let anatomy = drawAnatomy(k, zHalf, plan.clinical.cirrhosis === "yes", rng);
  let main = placeMain(anatomy, bounds, shape, rng);
  for (let grow = 0; !main && grow < 8; grow++) {
    k *= 1.06;
    anatomy = drawAnatomy(k, zHalf, plan.clinical.cirrhosis === "yes", rng);
    main = placeMain(anatomy, bounds, shape, rng);
  }
  for (let shrink = 0; !main && shrink < 20; shrink++) {
    const f = 0.9 ** (shrink + 1);
    main = placeMain(anatomy, bounds, {...shape, radiusMm: shape.radiusMm * f, envelopeMm: shape.envelopeMm * f}, rng);
  }
  if (!main) {
    throw new Error(
      `${plan.patientId}: could not place a ${diameterMm.toFixed(0)} mm lesion in the liver and field of view`,
    );
  }
  const lesions: TumourShape[] = [main];
  const [rMin, rMax] = geometry.satelliteRadiusMm;
  for (let s = 1; s < plan.clinical.tumour_number; s++) {
    const r = rMin + (rMax - rMin) * rng.next();
    const placed = placeSatellite(anatomy, bounds, drawShape(r, 0.5 * p.lobulation, 0, rng, 3), lesions, rng);
    if (placed) lesions.push(placed);
  }

  const tissue = new Uint8Array(n);
  const lesion = new Uint8Array(n);
  const hu = new Float32Array(n);
  paintAnatomy(grid, anatomy, lesions, coarseRandomField(grid.size, grid.spacing, 3, rng, 3), tissue, hu);
  lesions.forEach((shape, l) => {
    paintLesion(grid, shape, p, anatomy, l + 1, l === 0, rng, {tissue, hu, lesion});
  });

  // Centre effects: reconstruction kernel (in-plane blur) and slice profile (z), then quantum noise and calibration.
  const protocol = centreProtocols[plan.cohort];
  gaussianBlur(hu, grid.size, [protocol.blurMm / grid.spacing[0], protocol.blurMm / grid.spacing[1], 0.5]);
  const ct = new Int16Array(n);
  // The kernel filters the quantum noise as well as the anatomy (it sets the noise texture); scaled back to its SD.
  const noise = normalFill(new Float32Array(n), rng);
  const kernel: Vec3 = [protocol.blurMm / grid.spacing[0], protocol.blurMm / grid.spacing[1], 0];
  gaussianBlur(noise, grid.size, kernel);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (noise[i] as number) ** 2;
  const noiseScale = 1 / Math.sqrt(ss / n || 1);
  for (let i = 0; i < n; i++) noise[i] = (noise[i] as number) * noiseScale;
  for (let i = 0; i < n; i++) {
    const v = (hu[i] as number) + protocol.noiseSdHu * (noise[i] as number) + protocol.huOffset;
    ct[i] = Math.max(-1024, Math.min(3071, Math.round(v)));
  }
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) mask[i] = tissue[i] === Tissues.tumour ? 1 : 0;

  const geometryOf = () => ({
    size: [...grid.size] as Vec3,
    spacing: [...grid.spacing] as Vec3,
    origin: [...grid.origin] as Vec3,
    direction: identityDirection(),
  });
  const sizeMm = maxInPlaneDiameterMm(lesion, grid.size, grid.spacing, 1);
  return {
    plan,
    ct: makeVolume({data: ct, ...geometryOf()}, `${plan.patientId} CT`),
    mask: makeVolume({data: mask, ...geometryOf()}, `${plan.patientId} mask`),
    tissue,
    lesion,
    tumourSizeCm: Math.round(sizeMm) / 10,
    tumourNumber: lesions.length,
  };
}
