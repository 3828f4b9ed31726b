/**
 * A 3-D image with its geometry, mirroring itk-wasm's Image fields so nothing is lost between reader and kernels.
 * Layout is x-fastest: voxel (i, j, k) is at data[i + size[0] * (j + size[1] * k)].
 * Physical point (LPS, mm) of voxel index v: origin + direction · (spacing ⊙ v); `direction` is row-major 3×3.
 */
export type Vec3 = [number, number, number];

export type VoxelData = Float32Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Int8Array | Float64Array;

export interface Volume<T extends VoxelData = VoxelData> {
  data: T;
  size: Vec3;
  spacing: Vec3;
  origin: Vec3;
  /** Row-major 3×3 direction cosines. */
  direction: number[];
}

export const identityDirection = (): number[] => [1, 0, 0, 0, 1, 0, 0, 0, 1];

export function voxelCount(size: Vec3): number {
  return size[0] * size[1] * size[2];
}

/** Validates a volume at construction: positive integer size, positive spacing, data length matching the size. */
export function makeVolume<T extends VoxelData>(volume: Volume<T>, what = "volume"): Volume<T> {
  const {size, spacing, data, direction} = volume;
  if (size.length !== 3 || !size.every((n) => Number.isInteger(n) && n > 0)) {
    throw new RangeError(`${what}: size must be 3 positive integers, not [${size.join(", ")}]`);
  }
  if (spacing.length !== 3 || !spacing.every((s) => Number.isFinite(s) && s > 0)) {
    throw new RangeError(`${what}: spacing must be 3 positive numbers (mm), not [${spacing.join(", ")}]`);
  }
  if (direction.length !== 9 || !direction.every(Number.isFinite)) {
    throw new RangeError(`${what}: direction must be 9 finite numbers (row-major 3×3)`);
  }
  if (data.length !== voxelCount(size)) {
    throw new RangeError(
      `${what}: data has ${data.length} voxels, size [${size.join(", ")}] needs ${voxelCount(size)}`,
    );
  }
  return volume;
}
