import type {Rng} from "../../src/components/stats/random.js";
import type {Vec3} from "../imaging/volume.js";
import {type Anatomy, ellipseRho, insideInterior, insideLiver} from "./anatomy.js";

/**
 * A lesion's 3-D shape: a sphere of `radiusMm` deformed by smooth lobes (radius × (1 + Σ a·exp(κ(u·v − 1))) over unit
 * directions u) and, at render time, ragged by a random field (`roughness`, relative radius). Lobulated,
 * infiltrative margins are the progressive-disease end of the phenotype.
 */
export interface TumourShape {
  centreMm: Vec3;
  radiusMm: number;
  lobes: Array<{v: Vec3; a: number}>;
  kappa: number;
  roughness: number;
  /** A radius that bounds the lesion including lobes and roughness (placement and bounding boxes). */
  envelopeMm: number;
}

function unitVector(rng: Rng): Vec3 {
  for (;;) {
    const v: Vec3 = [rng.normal(), rng.normal(), rng.normal()];
    const n = Math.hypot(...v);
    if (n > 1e-6) return [v[0] / n, v[1] / n, v[2] / n];
  }
}

export function drawShape(radiusMm: number, lobulation: number, roughness: number, rng: Rng, lobes = 5): TumourShape {
  const list = Array.from({length: lobes}, () => ({v: unitVector(rng), a: lobulation * (2 * rng.next() - 0.6)}));
  const shape: TumourShape = {
    centreMm: [0, 0, 0],
    radiusMm,
    lobes: list,
    kappa: 4 + 6 * rng.next(),
    roughness,
    envelopeMm: 0,
  };
  // Largest lobed radius over 256 near-uniform directions (Fibonacci sphere), 3 % spare for the gaps between them;
  // the ragged edge adds at most `roughnessClip` × roughness (the field is clipped there when painting).
  let maxRadius = 0;
  for (let i = 0; i < 256; i++) {
    const z = 1 - (2 * i + 1) / 256;
    const r = Math.sqrt(1 - z * z);
    const phi = i * Math.PI * (3 - Math.sqrt(5));
    maxRadius = Math.max(maxRadius, shapeRadius(shape, r * Math.cos(phi), r * Math.sin(phi), z));
  }
  shape.envelopeMm = 1.03 * maxRadius * (1 + roughnessClip * roughness) + 1;
  return shape;
}

/** The ragged-margin field (unit sd) is clipped to ± this many sds, which bounds how far a lesion can reach. */
export const roughnessClip = 2.5;

/** Lesion radius in direction (ux, uy, uz) (a unit vector). */
export function shapeRadius(s: TumourShape, ux: number, uy: number, uz: number): number {
  let f = 1;
  for (const {v, a} of s.lobes) f += a * Math.exp(s.kappa * (ux * v[0] + uy * v[1] + uz * v[2] - 1));
  return s.radiusMm * Math.max(0.5, f);
}

export interface PlacementBounds {
  fovStart: Vec3;
  fovEnd: Vec3;
}

/** True when a ball of radius r at c stays inside the field of view and the peritoneal cavity, clear of spine and aorta. */
export function ballFits(a: Anatomy, bounds: PlacementBounds, c: Vec3, r: number, marginMm = 3): boolean {
  for (let d = 0; d < 3; d++) {
    if ((c[d] as number) - r - marginMm < (bounds.fovStart[d] as number)) return false;
    if ((c[d] as number) + r + marginMm > (bounds.fovEnd[d] as number)) return false;
  }
  for (let i = 0; i < 16; i++) {
    const th = (i / 16) * 2 * Math.PI;
    if (!insideInterior(a, c[0] + r * Math.cos(th), c[1] + r * Math.sin(th), marginMm)) return false;
  }
  // The IVC is not an obstacle: a large HCC compresses it, and paintAnatomy leaves it out around lesions.
  for (const e of [a.spine, a.aorta]) {
    if (Math.hypot(c[0] - e.cx, c[1] - e.cy) < r + Math.max(e.ax, e.ay) + marginMm + 2) return false;
  }
  return true;
}

/**
 * Places the main lesion in the right lobe: random candidates around the lobe centre, rejecting any that would leave
 * the field of view or the abdominal cavity or touch the spine or aorta. Returns null when none of `tries` fits.
 */
export function placeMain(
  a: Anatomy,
  bounds: PlacementBounds,
  shape: TumourShape,
  rng: Rng,
  tries = 80,
): TumourShape | null {
  const zHalf = ((bounds.fovEnd[2] as number) - (bounds.fovStart[2] as number)) / 2;
  const zMid = ((bounds.fovEnd[2] as number) + (bounds.fovStart[2] as number)) / 2;
  for (let t = 0; t < tries; t++) {
    const c: Vec3 = [
      a.liverRight.cx + 0.6 * a.liverRight.ax * (2 * rng.next() - 1),
      a.liverRight.cy + 0.6 * a.liverRight.ay * (2 * rng.next() - 1),
      zMid + Math.max(0, zHalf - shape.envelopeMm - 4) * (2 * rng.next() - 1),
    ];
    if (ellipseRho(a.liverRight, c[0], c[1]) < 1 && ballFits(a, bounds, c, shape.envelopeMm)) {
      return {...shape, centreMm: c};
    }
  }
  return null;
}

/** Places a satellite nodule in the liver, clear of the lesions already placed; null when none of 200 tries fits. */
export function placeSatellite(
  a: Anatomy,
  bounds: PlacementBounds,
  shape: TumourShape,
  placed: readonly TumourShape[],
  rng: Rng,
): TumourShape | null {
  for (let t = 0; t < 200; t++) {
    const c: Vec3 = [0, 0, 0];
    for (let d = 0; d < 3; d++) {
      const lo = bounds.fovStart[d] as number;
      const hi = bounds.fovEnd[d] as number;
      c[d] = lo + (hi - lo) * rng.next();
    }
    if (!insideLiver(a, c[0], c[1], c[2])) continue;
    // The whole nodule must sit in liver parenchyma: check its six extreme points.
    const r = shape.envelopeMm + 3;
    const extremes: Vec3[] = [
      [c[0] - r, c[1], c[2]],
      [c[0] + r, c[1], c[2]],
      [c[0], c[1] - r, c[2]],
      [c[0], c[1] + r, c[2]],
      [c[0], c[1], c[2] - r],
      [c[0], c[1], c[2] + r],
    ];
    if (!extremes.every((p) => insideLiver(a, p[0], p[1], p[2]))) continue;
    if (!ballFits(a, bounds, c, shape.envelopeMm)) continue;
    const clear = placed.every(
      (o) => Math.hypot(c[0] - o.centreMm[0], c[1] - o.centreMm[1], c[2] - o.centreMm[2]) > o.envelopeMm + r + 3,
    );
    if (clear) return {...shape, centreMm: c};
  }
  return null;
}
