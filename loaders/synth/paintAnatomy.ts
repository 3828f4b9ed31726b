import type {Vec3} from "../imaging/volume.js";
import {type Anatomy, ellipseRho, insideInterior, liverTaper} from "./anatomy.js";
import {Tissues} from "./tissues.js";
import type {TumourShape} from "./tumourShape.js";

export interface Grid {
  size: Vec3;
  spacing: Vec3;
  /** Physical position of voxel (0, 0, 0), body-centred frame, mm. */
  origin: Vec3;
}

/** Texture amplitude (HU per unit of the texture field) per tissue. */
const textureHu = [0, 6, 5, 25, 4, 0, 4, 4, 40] as const;

/**
 * Paints the background anatomy (everything but the lesions) into `tissue` and `hu`. The liver is extended to
 * envelop every lesion (a large HCC bulges the liver outline rather than leaving it), so lesions always sit in
 * liver. `texture` is a unit-variance random field that gives each organ its own mottle.
 * Everything except the liver is constant along z, so the in-plane layout is computed once and reused per slice.
 */
export function paintAnatomy(
  grid: Grid,
  a: Anatomy,
  lesions: readonly TumourShape[],
  texture: Float32Array,
  tissue: Uint8Array,
  hu: Float32Array,
): void {
  const [nx, ny, nz] = grid.size;
  const [sx, sy, sz] = grid.spacing;
  const [ox, oy, oz] = grid.origin;
  const skin = a.body;
  const fatInner = {...skin, ax: skin.ax - a.fatMm, ay: skin.ay - a.fatMm};
  const spineInner = {...a.spine, ax: a.spine.ax - 2.5, ay: a.spine.ay - 2.5};
  const stomachLumen = {...a.stomach, ax: a.stomach.ax - 4, ay: a.stomach.ay - 4};
  const airFluidLevel = a.stomach.cy - 0.35 * a.stomach.ay;
  const h = a.hu;

  // In-plane layout: the tissue and HU beneath the liver, what lies on top of it (vessels, bone), and the liver
  // lobes' ellipse coordinates at full size (rho at taper t is rho0 / t²).
  const m = nx * ny;
  const under = new Uint8Array(m);
  const underHu = new Float32Array(m);
  const over = new Uint8Array(m); // 0 = nothing on top of the liver
  const overHu = new Float32Array(m);
  const interior = new Uint8Array(m);
  const rhoRight = new Float32Array(m);
  const rhoLeft = new Float32Array(m);
  for (let j = 0; j < ny; j++) {
    const y = oy + j * sy;
    for (let i = 0; i < nx; i++) {
      const x = ox + i * sx;
      const q = i + nx * j;
      let t: number = Tissues.air;
      let v = -1000;
      if (ellipseRho(skin, x, y) < 1) {
        if (ellipseRho(fatInner, x, y) >= 1) {
          t = Tissues.fat;
          v = h.fat;
        } else if (!insideInterior(a, x, y)) {
          t = Tissues.muscle;
          v = h.muscle;
        } else {
          interior[q] = 1;
          t = Tissues.visceral;
          v = h.visceral;
          if (ellipseRho(a.stomach, x, y) < 1) {
            t = Tissues.stomach;
            v = ellipseRho(stomachLumen, x, y) >= 1 ? h.stomachWall : y < airFluidLevel ? -1000 : h.stomachFluid;
          }
          if (ellipseRho(a.ivc, x, y) < 1) {
            over[q] = Tissues.ivc;
            overHu[q] = h.ivc;
          }
        }
        if (ellipseRho(a.aorta, x, y) < 1) {
          over[q] = Tissues.aorta;
          overHu[q] = h.aorta;
        }
        if (ellipseRho(a.spine, x, y) < 1) {
          over[q] = Tissues.bone;
          overHu[q] = ellipseRho(spineInner, x, y) < 1 ? h.cancellous : h.cortex;
        }
      }
      under[q] = t;
      underHu[q] = v;
      rhoRight[q] = ellipseRho(a.liverRight, x, y);
      rhoLeft[q] = ellipseRho(a.liverLeft, x, y);
    }
  }

  const near = new Uint8Array(m);
  for (let k = 0; k < nz; k++) {
    const z = oz + k * sz;
    const taper = liverTaper(a, z);
    const t2 = taper * taper;
    const offset = k * m;
    tissue.set(under, offset);
    for (let q = 0; q < m; q++) {
      if (interior[q] === 1 && ((rhoRight[q] as number) < t2 || (rhoLeft[q] as number) < t2)) {
        tissue[offset + q] = Tissues.liver;
      }
    }
    // A lesion's envelope (plus 5 mm) is liver too, within the abdominal cavity; the IVC is compressed out of it.
    near.fill(0);
    for (const s of lesions) {
      const r = s.envelopeMm + 5;
      const dz = z - s.centreMm[2];
      if (Math.abs(dz) >= r) continue;
      const rr = r * r - dz * dz;
      const j0 = Math.max(0, Math.floor((s.centreMm[1] - r - oy) / sy));
      const j1 = Math.min(ny - 1, Math.ceil((s.centreMm[1] + r - oy) / sy));
      const i0 = Math.max(0, Math.floor((s.centreMm[0] - r - ox) / sx));
      const i1 = Math.min(nx - 1, Math.ceil((s.centreMm[0] + r - ox) / sx));
      for (let j = j0; j <= j1; j++) {
        const dy = oy + j * sy - s.centreMm[1];
        for (let i = i0; i <= i1; i++) {
          const dx = ox + i * sx - s.centreMm[0];
          const q = i + nx * j;
          if (interior[q] === 1 && dx * dx + dy * dy < rr) {
            tissue[offset + q] = Tissues.liver;
            near[q] = 1;
          }
        }
      }
    }
    for (let q = 0; q < m; q++) {
      const at = offset + q;
      let t = tissue[at] as number;
      let v = t === Tissues.liver ? h.liver : (underHu[q] as number);
      const o = over[q] as number;
      if (o !== 0 && !(o === Tissues.ivc && near[q] === 1)) {
        t = o;
        v = overHu[q] as number;
        tissue[at] = o;
      }
      const amp = t === Tissues.liver ? h.liverTexture : t === Tissues.bone && v > 800 ? 0 : (textureHu[t] ?? 0);
      hu[at] = v === -1000 ? v : v + amp * (texture[at] as number);
    }
  }
}
