import type {Rng} from "../../src/components/stats/random.js";

/**
 * The patient's body layout in one axial plane, in a body-centred LPS frame (mm): x toward the patient's left,
 * y toward the back, z toward the head, origin at the centre of the body outline at the liver's mid-level.
 * Shapes are ellipses and circles: enough to give the network (and a radiologist) an arterial-phase upper-abdominal
 * CT with air outside, subcutaneous fat, an abdominal wall, liver, stomach, IVC, a contrast-filled aorta and a
 * vertebral body, without pretending to be an anatomical atlas.
 */
export interface Ellipse {
  cx: number;
  cy: number;
  ax: number;
  ay: number;
}

export interface Anatomy {
  /** Body outline (skin). */
  body: Ellipse;
  fatMm: number;
  muscleMm: number;
  /** Right lobe and left lobe; their in-plane size tapers toward the ends of the z range (halfLengthMm). */
  liverRight: Ellipse;
  liverLeft: Ellipse;
  liverHalfLengthMm: number;
  stomach: Ellipse;
  aorta: Ellipse;
  ivc: Ellipse;
  spine: Ellipse;
  /** Arterial-phase attenuations, HU. */
  hu: {
    fat: number;
    muscle: number;
    visceral: number;
    liver: number;
    liverTexture: number;
    aorta: number;
    ivc: number;
    cortex: number;
    cancellous: number;
    stomachWall: number;
    stomachFluid: number;
  };
}

const u = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng.next();

/**
 * Draws one patient's anatomy. `k` scales every length (1 at demo scale); `zHalfMm` is half the z field of view
 * (the liver spans it: the field of view is cropped around the liver). Literature ranges for arterial-phase
 * attenuation: liver 60–80 HU, aorta 250–350 HU, cancellous bone ~400 HU, cortical bone up to ~1000 HU.
 */
export function drawAnatomy(k: number, zHalfMm: number, cirrhosis: boolean, rng: Rng): Anatomy {
  const b = u(rng, 0.94, 1.06);
  const shift = () => k * u(rng, -5, 5);
  return {
    body: {cx: 0, cy: 0, ax: 140 * k * b, ay: 100 * k * b},
    fatMm: k * u(rng, 9, 24),
    muscleMm: k * u(rng, 7, 11),
    liverRight: {cx: -62 * k + shift(), cy: -2 * k + shift(), ax: 60 * k * b, ay: 70 * k * b},
    liverLeft: {cx: -8 * k + shift(), cy: -54 * k + shift(), ax: 48 * k * b, ay: 20 * k},
    liverHalfLengthMm: 1.25 * zHalfMm,
    stomach: {cx: 40 * k, cy: -14 * k, ax: 24 * k, ay: 28 * k},
    aorta: {cx: 13 * k, cy: 22 * k, ax: 11 * k, ay: 11 * k},
    ivc: {cx: -22 * k, cy: 20 * k, ax: 12 * k, ay: 10 * k},
    spine: {cx: 0, cy: 46 * k, ax: 17 * k, ay: 15 * k},
    hu: {
      fat: u(rng, -110, -90),
      muscle: u(rng, 45, 60),
      visceral: -40,
      liver: u(rng, 60, 80) - (cirrhosis ? 6 : 0),
      // Cirrhotic parenchyma is nodular and heterogeneous.
      liverTexture: cirrhosis ? 9 : 4,
      aorta: u(rng, 250, 350),
      ivc: u(rng, 90, 130),
      cortex: u(rng, 850, 1000),
      cancellous: u(rng, 380, 460),
      stomachWall: 60,
      stomachFluid: 15,
    },
  };
}

/** (x − cx)²/ax² + (y − cy)²/ay²: below 1 inside the ellipse. */
export function ellipseRho(e: Ellipse, x: number, y: number, scale = 1): number {
  const dx = (x - e.cx) / (e.ax * scale);
  const dy = (y - e.cy) / (e.ay * scale);
  return dx * dx + dy * dy;
}

/** Inside the peritoneal cavity: within the body, beneath the subcutaneous fat and the abdominal wall muscle. */
export function insideInterior(a: Anatomy, x: number, y: number, marginMm = 0): boolean {
  const inset = a.fatMm + a.muscleMm + marginMm;
  const e = {...a.body, ax: a.body.ax - inset, ay: a.body.ay - inset};
  return e.ax > 0 && e.ay > 0 && ellipseRho(e, x, y) < 1;
}

/** In-plane taper of the liver at height z (1 at the middle, shrinking toward the dome and the tip). */
export function liverTaper(a: Anatomy, z: number): number {
  const f = z / a.liverHalfLengthMm;
  return Math.sqrt(Math.max(0, 1 - f * f));
}

export function insideLiver(a: Anatomy, x: number, y: number, z: number): boolean {
  const t = liverTaper(a, z);
  if (t <= 0) return false;
  return ellipseRho(a.liverRight, x, y, t) < 1 || ellipseRho(a.liverLeft, x, y, t) < 1;
}
