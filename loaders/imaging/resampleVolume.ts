import {type Grid, physicalToIndexMatrix} from "./grid.js";
import type {Vec3, Volume} from "./volume.js";

/**
 * Pure-TypeScript resampling in physical space, onto a block [lo, hi) of any target grid (the preprocessing uses an
 * identity-direction one; a DICOM SEG is resampled onto its CT's grid).
 * Measured faster than @itk-wasm/downsample for our use (bench/preprocess.ts): no per-call wasm instantiation, and only
 * the block around the tumour is computed. Sample positions follow ITK: an input voxel covers ±0.5 of its index; points
 * outside get `outside`; linear interpolation clamps at the border voxels (no extrapolation).
 */
export interface Block {
  lo: Vec3;
  /** Exclusive. */
  hi: Vec3;
}

export const blockSize = (b: Block): Vec3 => [b.hi[0] - b.lo[0], b.hi[1] - b.lo[1], b.hi[2] - b.lo[2]];

/** Continuous input index of target voxel lo, and its increment per target step along each axis. */
function stepper(input: Grid, target: Grid, lo: Vec3) {
  const m = physicalToIndexMatrix(input);
  const d = target.direction;
  // Physical offset of target voxel lo from the input's origin: O_t + D_t · (s_t ⊙ lo) − O_in.
  const p0 = [0, 1, 2].map(
    (r) =>
      target.origin[r]! +
      d[r * 3]! * target.spacing[0] * lo[0] +
      d[r * 3 + 1]! * target.spacing[1] * lo[1] +
      d[r * 3 + 2]! * target.spacing[2] * lo[2] -
      input.origin[r]!,
  );
  const start = [0, 1, 2].map((r) => m[r * 3]! * p0[0]! + m[r * 3 + 1]! * p0[1]! + m[r * 3 + 2]! * p0[2]!);
  // steps[a] = change of the input's continuous index (3 numbers) per unit step of target axis a: M · D_t[:, a] · s_t[a].
  const steps = [0, 1, 2].map((a) =>
    [0, 1, 2].map(
      (r) => (m[r * 3]! * d[a]! + m[r * 3 + 1]! * d[3 + a]! + m[r * 3 + 2]! * d[6 + a]!) * target.spacing[a]!,
    ),
  );
  return {start, steps};
}

function walk(input: Grid, target: Grid, block: Block, visit: (o: number, x: number, y: number, z: number) => void) {
  const {start, steps} = stepper(input, target, block.lo);
  const [nx, ny, nz] = blockSize(block);
  const [sx, sy, sz] = steps as [number[], number[], number[]];
  let o = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      let x = start[0]! + j * sy[0]! + k * sz[0]!;
      let y = start[1]! + j * sy[1]! + k * sz[1]!;
      let z = start[2]! + j * sy[2]! + k * sz[2]!;
      for (let i = 0; i < nx; i++) {
        visit(o++, x, y, z);
        x += sx[0]!;
        y += sx[1]!;
        z += sx[2]!;
      }
    }
  }
}

/** Trilinear resampling of `input` onto `block` of `target`; returns x-fastest Float32 data of the block's size. */
export function resampleLinear(input: Volume, target: Grid, block: Block, outside: number): Float32Array {
  const [nx, ny, nz] = input.size;
  const src = input.data;
  const out = new Float32Array(blockSize(block).reduce((a, b) => a * b, 1));
  // biome-ignore lint/complexity/useMathMinMax: the ternary is measurably faster in this per-voxel loop
  const clamp = (v: number, n: number) => (v < 0 ? 0 : v > n - 1 ? n - 1 : v);
  walk(input, target, block, (o, x, y, z) => {
    if (x < -0.5 || y < -0.5 || z < -0.5 || x > nx - 0.5 || y > ny - 0.5 || z > nz - 0.5) {
      out[o] = outside;
      return;
    }
    const cx = clamp(x, nx);
    const cy = clamp(y, ny);
    const cz = clamp(z, nz);
    const x0 = Math.floor(cx);
    const y0 = Math.floor(cy);
    const z0 = Math.floor(cz);
    const fx = cx - x0;
    const fy = cy - y0;
    const fz = cz - z0;
    const x1 = x0 < nx - 1 ? x0 + 1 : x0;
    const y1 = y0 < ny - 1 ? y0 + 1 : y0;
    const z1 = z0 < nz - 1 ? z0 + 1 : z0;
    const r00 = nx * (y0 + ny * z0);
    const r10 = nx * (y1 + ny * z0);
    const r01 = nx * (y0 + ny * z1);
    const r11 = nx * (y1 + ny * z1);
    const c00 = src[r00 + x0]! + fx * (src[r00 + x1]! - src[r00 + x0]!);
    const c10 = src[r10 + x0]! + fx * (src[r10 + x1]! - src[r10 + x0]!);
    const c01 = src[r01 + x0]! + fx * (src[r01 + x1]! - src[r01 + x0]!);
    const c11 = src[r11 + x0]! + fx * (src[r11 + x1]! - src[r11 + x0]!);
    const c0 = c00 + fy * (c10 - c00);
    const c1 = c01 + fy * (c11 - c01);
    out[o] = c0 + fz * (c1 - c0);
  });
  return out;
}

/** Nearest-neighbour resampling of a label/binary volume (values kept as they are; outside = 0). */
export function resampleNearest(input: Volume<Uint8Array>, target: Grid, block: Block): Uint8Array {
  const [nx, ny, nz] = input.size;
  const src = input.data;
  const out = new Uint8Array(blockSize(block).reduce((a, b) => a * b, 1));
  walk(input, target, block, (o, x, y, z) => {
    if (x < -0.5 || y < -0.5 || z < -0.5 || x >= nx - 0.5 || y >= ny - 0.5 || z >= nz - 0.5) return;
    // Math.round(−0.5) is −0, i.e. index 0: the half-open [−0.5, n − 0.5) cell convention.
    out[o] = src[Math.round(x) + nx * (Math.round(y) + ny * Math.round(z))]!;
  });
  return out;
}
