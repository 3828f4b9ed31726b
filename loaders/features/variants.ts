import type {Variant} from "../../src/components/study/vocabulary.js";

/**
 * The dihedral variants of the paper's augmentation, applied to uint8 HWC patches (row-major: y, then x, then
 * channel). Pure functions; a new array is returned and the input is never modified.
 * - flipH mirrors left↔right (x → w−1−x), flipV top↔bottom, flipHV both (= rotation by 180°).
 * - rot90 turns the image 90° counter-clockwise (as numpy.rot90), rot270 90° clockwise; square patches only.
 */
export function applyVariant(patch: Uint8Array, sizePx: number, channels: number, variant: Variant): Uint8Array {
  const expected = sizePx * sizePx * channels;
  if (patch.length !== expected) {
    throw new Error(
      `applyVariant: expected ${sizePx}×${sizePx}×${channels} = ${expected} bytes, got ${patch.length} bytes`,
    );
  }
  if (variant === "identity") return patch.slice();
  const out = new Uint8Array(expected);
  const s = sizePx;
  const last = s - 1;
  // source (sy, sx) for each destination (y, x)
  const source: (y: number, x: number) => number = {
    flipH: (y: number, x: number) => y * s + (last - x),
    flipV: (y: number, x: number) => (last - y) * s + x,
    flipHV: (y: number, x: number) => (last - y) * s + (last - x),
    // counter-clockwise: destination (y, x) shows source (x, last − y)
    rot90: (y: number, x: number) => x * s + (last - y),
    // clockwise: destination (y, x) shows source (last − x, y)
    rot270: (y: number, x: number) => (last - x) * s + y,
  }[variant];
  for (let y = 0; y < s; y++) {
    for (let x = 0; x < s; x++) {
      const d = (y * s + x) * channels;
      const src = source(y, x) * channels;
      for (let c = 0; c < channels; c++) out[d + c] = patch[src + c]!;
    }
  }
  return out;
}

/** Applies `variant` to each of `count` consecutive patches of a batch. */
export function applyVariantBatch(
  pixels: Uint8Array,
  count: number,
  sizePx: number,
  channels: number,
  variant: Variant,
): Uint8Array {
  const n = sizePx * sizePx * channels;
  if (pixels.length !== count * n) {
    throw new Error(`applyVariantBatch: expected ${count} patches of ${n} bytes, got ${pixels.length} bytes`);
  }
  if (variant === "identity") return pixels.slice();
  const out = new Uint8Array(pixels.length);
  for (let i = 0; i < count; i++)
    out.set(applyVariant(pixels.subarray(i * n, (i + 1) * n), sizePx, channels, variant), i * n);
  return out;
}
