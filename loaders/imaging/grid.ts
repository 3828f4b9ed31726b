import type {Vec3, Volume} from "./volume.js";

/** A voxel grid without its data: where voxel (i, j, k) sits is origin + direction · (spacing ⊙ [i, j, k]) (LPS, mm). */
export type Grid = Omit<Volume, "data">;

export function indexToPhysical(grid: Grid, index: Vec3): Vec3 {
  const d = grid.direction;
  const v = [index[0] * grid.spacing[0], index[1] * grid.spacing[1], index[2] * grid.spacing[2]];
  return [0, 1, 2].map(
    (r) => grid.origin[r]! + d[r * 3]! * v[0]! + d[r * 3 + 1]! * v[1]! + d[r * 3 + 2]! * v[2]!,
  ) as Vec3;
}

/** Inverse of a row-major 3×3 matrix; throws on a singular direction matrix (a corrupt header). */
export function invert3(m: readonly number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-9) throw new RangeError(`direction matrix is singular (det ${det})`);
  return [
    A,
    -(b * i - c * h),
    b * f - c * e,
    B,
    a * i - c * g,
    -(a * f - c * d),
    C,
    -(a * h - b * g),
    a * e - b * d,
  ].map((x) => x / det);
}

/** Row-major matrix M with continuous index = M · (p − origin): M = diag(1/spacing) · direction⁻¹. */
export function physicalToIndexMatrix(grid: Grid): number[] {
  const inv = invert3(grid.direction);
  return inv.map((x, n) => x / grid.spacing[Math.floor(n / 3)]!);
}

export function physicalToIndex(grid: Grid, p: Vec3): Vec3 {
  const m = physicalToIndexMatrix(grid);
  const q = [p[0] - grid.origin[0], p[1] - grid.origin[1], p[2] - grid.origin[2]];
  return [0, 1, 2].map((r) => m[r * 3]! * q[0]! + m[r * 3 + 1]! * q[1]! + m[r * 3 + 2]! * q[2]!) as Vec3;
}

/**
 * The resampling target: identity direction (LPS-aligned, so axis 2 is axial and rows run anterior → posterior, columns
 * patient right → left: the radiological display), the requested spacing, and an origin and size that cover the
 * physical extent of the input's voxel centres. For an input that is already LPS-aligned the origin is unchanged, as
 * with ITK's resample; a flipped (RAS-stored) or oblique input is reoriented, which is what "axial" means physically.
 */
export function axisAlignedGrid(input: Grid, spacing: Vec3): Grid {
  const lo: Vec3 = [Infinity, Infinity, Infinity];
  const hi: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let c = 0; c < 8; c++) {
    const corner: Vec3 = [c & 1 ? input.size[0] - 1 : 0, c & 2 ? input.size[1] - 1 : 0, c & 4 ? input.size[2] - 1 : 0];
    const p = indexToPhysical(input, corner);
    for (let a = 0; a < 3; a++) {
      lo[a] = Math.min(lo[a]!, p[a]!);
      hi[a] = Math.max(hi[a]!, p[a]!);
    }
  }
  // 1e-6 absorbs float noise so that an extent of exactly n spacings yields n + 1 samples.
  const size = [0, 1, 2].map((a) => Math.floor((hi[a]! - lo[a]!) / spacing[a]! + 1e-6) + 1) as Vec3;
  return {size, spacing: [...spacing], origin: lo, direction: [1, 0, 0, 0, 1, 0, 0, 0, 1]};
}

/** For each physical axis (x, y, z), the input axis that runs most nearly along it (a signed permutation for any
 * axis-aligned scan, whether stored LPS, RAS or slice-reversed). */
export function axisOfPhysical(input: Grid): Vec3 {
  const d = input.direction;
  return [0, 1, 2].map((r) => {
    let best = 0;
    for (let a = 1; a < 3; a++) if (Math.abs(d[r * 3 + a]!) > Math.abs(d[r * 3 + best]!)) best = a;
    return best;
  }) as Vec3;
}

/**
 * The cutting grid: LPS-aligned like axisAlignedGrid, but at the scan's own spacing, so for an axis-aligned scan every
 * grid point is a native voxel centre and every axial plane a native acquisition slice (nothing is interpolated).
 * `inPlaneMm`, when given, asks for a common in-plane spacing; it is used only where it is finer than the scan's
 * (cutting never throws native resolution away before the final resize). Slices always keep the native spacing.
 */
export function nativeAxialGrid(input: Grid, inPlaneMm?: readonly [number, number]): Grid {
  const axes = axisOfPhysical(input);
  const native = axes.map((a) => input.spacing[a]!) as Vec3;
  const spacing: Vec3 = [
    Math.min(native[0], inPlaneMm?.[0] ?? native[0]),
    Math.min(native[1], inPlaneMm?.[1] ?? native[1]),
    native[2],
  ];
  return axisAlignedGrid(input, spacing);
}
