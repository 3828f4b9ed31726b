import type {Grid} from "./grid.js";
import type {Vec3, Volume} from "./volume.js";

/**
 * Whether a mask lies on its image's voxel grid. Tolerances absorb float32 storage (NIfTI) and DICOM's decimal
 * strings, not real misregistration: spacing 0.1 % relative, origin 1 % of the smallest spacing, direction 1e-4.
 */
export const gridTolerance = {spacingRelative: 1e-3, originSpacingFraction: 1e-2, direction: 1e-4} as const;

/** Returns a description of the first difference ("size [512,512,90] vs [512,512,89]"), or undefined when equal. */
export function gridDifference(a: Grid, b: Grid): string | undefined {
  const list = (v: ArrayLike<number>) => `[${Array.from(v, (x) => +x.toFixed(4)).join(", ")}]`;
  if (a.size.some((n, i) => n !== b.size[i])) return `size ${list(a.size)} vs ${list(b.size)}`;
  if (a.spacing.some((s, i) => Math.abs(s - b.spacing[i]!) > gridTolerance.spacingRelative * s)) {
    return `spacing ${list(a.spacing)} vs ${list(b.spacing)} mm`;
  }
  const tol = gridTolerance.originSpacingFraction * Math.min(...a.spacing);
  if (a.origin.some((o, i) => Math.abs(o - b.origin[i]!) > tol))
    return `origin ${list(a.origin)} vs ${list(b.origin)} mm`;
  if (a.direction.some((d, i) => Math.abs(d - b.direction[i]!) > gridTolerance.direction)) {
    return `direction ${list(a.direction)} vs ${list(b.direction)}`;
  }
  return undefined;
}

/**
 * DICOM SEG objects often store only the frames that hold segments: a sub-block of the CT's grid. When spacing and
 * direction agree and the origin is a whole number of voxels inside the image, the mask is copied into a zero volume on
 * the image's grid; otherwise it is returned unchanged (and the grid check reports the mismatch).
 */
export function embedInGrid<T extends Volume>(mask: T, image: Grid): Volume {
  if (gridDifference(mask, image) === undefined) return mask;
  const sameSpacing = !mask.spacing.some((s, i) => Math.abs(s - image.spacing[i]!) > gridTolerance.spacingRelative * s);
  const sameDirection = !mask.direction.some((d, i) => Math.abs(d - image.direction[i]!) > gridTolerance.direction);
  if (!sameSpacing || !sameDirection) return mask;
  // Index of the mask's origin in the image grid: D⁻¹ (o_m − o_i) / s, with D orthonormal so D⁻¹ = Dᵀ.
  const delta = mask.origin.map((o, i) => o - image.origin[i]!);
  const offset = [0, 1, 2].map((a) => {
    let sum = 0;
    for (let b = 0; b < 3; b++) sum += image.direction[b * 3 + a]! * delta[b]!;
    return sum / image.spacing[a]!;
  }) as Vec3;
  const whole = offset.map(Math.round) as Vec3;
  if (offset.some((o, a) => Math.abs(o - whole[a]!) > gridTolerance.originSpacingFraction)) return mask;
  if (whole.some((w, a) => w < 0 || w + mask.size[a]! > image.size[a]!)) return mask;
  const out = new Uint8Array(image.size[0] * image.size[1] * image.size[2]);
  const [mx, my, mz] = mask.size;
  for (let k = 0; k < mz; k++) {
    for (let j = 0; j < my; j++) {
      const src = mx * (j + my * k);
      const dst = whole[0] + image.size[0] * (j + whole[1] + image.size[1] * (k + whole[2]));
      for (let i = 0; i < mx; i++) out[dst + i] = mask.data[src + i]! === 0 ? 0 : (mask.data[src + i] as number);
    }
  }
  return {
    data: out,
    size: [...image.size],
    spacing: [...image.spacing],
    origin: [...image.origin],
    direction: [...image.direction],
  };
}
