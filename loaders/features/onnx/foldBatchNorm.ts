/**
 * Inference-mode BatchNormalization as a per-channel affine map: y = x · scale + shift, with
 * scale = gamma / sqrt(movingVariance + epsilon) and shift = beta − movingMean · scale (computed in float64).
 */
export interface BatchNormParams {
  gamma?: Float32Array;
  beta?: Float32Array;
  movingMean: Float32Array;
  movingVariance: Float32Array;
  epsilon: number;
}

export function batchNormAffine(bn: BatchNormParams): {scale: Float64Array; shift: Float64Array} {
  const c = bn.movingMean.length;
  for (const [key, v] of [
    ["gamma", bn.gamma],
    ["beta", bn.beta],
    ["movingVariance", bn.movingVariance],
  ] as const) {
    if (v && v.length !== c) throw new Error(`batch norm ${key}: expected ${c} channels, got ${v.length}`);
  }
  const scale = new Float64Array(c);
  const shift = new Float64Array(c);
  for (let i = 0; i < c; i++) {
    const s = (bn.gamma?.[i] ?? 1) / Math.sqrt(bn.movingVariance[i]! + bn.epsilon);
    scale[i] = s;
    shift[i] = (bn.beta?.[i] ?? 0) - bn.movingMean[i]! * s;
  }
  return {scale, shift};
}

/**
 * Converts a Keras Conv2D kernel (HWIO: kh × kw × in × out) to ONNX's OIHW, multiplying output channel o by
 * scale[o] and returning the bias (bias[o] · scale[o] + shift[o]); scale/shift absent = plain transpose.
 */
export function convToOnnx(
  kernel: Float32Array,
  shape: readonly number[],
  bias: Float32Array | undefined,
  affine?: {scale: Float64Array; shift: Float64Array},
): {weight: Float64Array; bias: Float64Array} {
  const [kh, kw, cin, cout] = shape;
  if (shape.length !== 4 || kh === undefined || kw === undefined || cin === undefined || cout === undefined) {
    throw new Error(`conv kernel: expected HWIO shape of 4 dims, got [${shape}]`);
  }
  if (kernel.length !== kh * kw * cin * cout) {
    throw new Error(`conv kernel: expected ${kh * kw * cin * cout} values for [${shape}], got ${kernel.length}`);
  }
  const weight = new Float64Array(kernel.length);
  const outBias = new Float64Array(cout);
  for (let o = 0; o < cout; o++) {
    const s = affine ? affine.scale[o]! : 1;
    outBias[o] = (bias?.[o] ?? 0) * s + (affine ? affine.shift[o]! : 0);
    for (let i = 0; i < cin; i++) {
      for (let y = 0; y < kh; y++) {
        for (let x = 0; x < kw; x++) {
          weight[((o * cin + i) * kh + y) * kw + x] = kernel[((y * kw + x) * cin + i) * cout + o]! * s;
        }
      }
    }
  }
  return {weight, bias: outBias};
}
