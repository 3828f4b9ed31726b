/**
 * The ImageNet ResNet50 input convention (Keras "caffe" mode, the same as the original Caffe model and MATLAB's
 * resnet50): NHWC float32, BGR channel order, per-channel mean subtraction, no scaling. Patches arrive as uint8 RGB
 * (value/255 = windowed intensity), so 0…255 maps straight onto the pixel range ImageNet images had.
 */
export const CaffeMeans = {b: 103.939, g: 116.779, r: 123.68} as const;

/** Input side the ImageNet weights were trained at; other sizes run (global pooling) but change the embedding. */
export const ImageNetInputPx = 224;

/** uint8 RGB (count × size × size × 3) → float32 BGR minus the caffe means, same layout. */
export function toCaffeInput(rgb: Uint8Array, count: number, sizePx: number): Float32Array {
  const n = count * sizePx * sizePx;
  if (rgb.length !== n * 3) {
    throw new Error(
      `toCaffeInput: expected ${count} × ${sizePx} × ${sizePx} × 3 = ${n * 3} bytes, got ${rgb.length} bytes`,
    );
  }
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    const o = i * 3;
    out[o] = rgb[o + 2]! - CaffeMeans.b;
    out[o + 1] = rgb[o + 1]! - CaffeMeans.g;
    out[o + 2] = rgb[o]! - CaffeMeans.r;
  }
  return out;
}
