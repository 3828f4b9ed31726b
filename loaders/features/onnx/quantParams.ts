/**
 * The arithmetic of 8-bit linear quantization as ONNX defines it (QuantizeLinear / DequantizeLinear):
 *   q = saturate(roundHalfToEven(x / scale) + zeroPoint),   x̂ = (q − zeroPoint) · scale.
 * Activations: per tensor, uint8, asymmetric, the calibrated range widened to hold 0 so that zero (ReLU's floor, the
 * convolutions' zero padding) is represented exactly, as ONNX Runtime's own quantizer does. Weights: per output
 * channel, int8, symmetric (zero point 0) on [−127, 127]: −128 is left out so that a product sum never needs it and
 * the weight grid is symmetric. Biases: int32 with scale = input scale × that channel's weight scale, zero point 0,
 * the form ONNX Runtime's QLinearConv expects when it fuses DequantizeLinear → Conv → QuantizeLinear.
 */
export interface QuantParams {
  scale: number;
  zeroPoint: number;
}

export const Uint8Range = {min: 0, max: 255} as const;
export const Int8SymmetricMax = 127;
/** The smallest normal float32: a scale below it (a range of ~1e-36) is stored as 0 or a subnormal, so it is not used. */
const MinScale = 2 ** -126;

/** Rounds half to even, as ONNX QuantizeLinear does (Math.round rounds half up). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Per-tensor uint8 parameters for the observed range [min, max] (widened to include 0). */
export function activationParams(min: number, max: number): QuantParams {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
    throw new Error(`activation range: expected finite min ≤ max, got [${min}, ${max}]`);
  }
  const lo = Math.min(min, 0);
  const hi = Math.max(max, 0);
  // Stored as float32 in the graph: round the scale first so the zero point is computed from what ORT will see.
  const scale = Math.fround((hi - lo) / (Uint8Range.max - Uint8Range.min));
  if (scale < MinScale) return {scale: 1, zeroPoint: 0};
  const zeroPoint = Math.min(Uint8Range.max, Math.max(Uint8Range.min, roundHalfEven(Uint8Range.min - lo / scale)));
  return {scale, zeroPoint};
}

/** QuantizeLinear of one value to [qmin, qmax]. */
export function quantize(x: number, p: QuantParams, qmin: number = Uint8Range.min, qmax: number = Uint8Range.max) {
  return Math.min(qmax, Math.max(qmin, roundHalfEven(x / p.scale) + p.zeroPoint));
}

export function dequantize(q: number, p: QuantParams): number {
  return (q - p.zeroPoint) * p.scale;
}

/**
 * Per-output-channel symmetric int8 weights of an OIHW (or any output-channel-major) tensor of `channels` rows:
 * scale = max|w| / 127 per channel (1 for an all-zero or denormal channel), values rounded half to even.
 */
export function symmetricWeights(weights: ArrayLike<number>, channels: number): {q: Int8Array; scales: Float32Array} {
  if (!Number.isInteger(channels) || channels < 1 || weights.length % channels !== 0) {
    throw new Error(`weights: expected a length divisible by ${channels} channels, got ${weights.length}`);
  }
  const per = weights.length / channels;
  const q = new Int8Array(weights.length);
  const scales = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    let amax = 0;
    for (let i = c * per; i < (c + 1) * per; i++) amax = Math.max(amax, Math.abs(weights[i]!));
    const fitted = Math.fround(amax / Int8SymmetricMax);
    const scale = fitted < MinScale ? 1 : fitted;
    scales[c] = scale;
    for (let i = c * per; i < (c + 1) * per; i++) {
      q[i] = quantize(weights[i]!, {scale, zeroPoint: 0}, -Int8SymmetricMax, Int8SymmetricMax);
    }
  }
  return {q, scales};
}

/** int32 biases for a quantized conv: b / (inputScale · weightScale[c]), rounded half to even, zero point 0. */
export function int32Bias(
  bias: ArrayLike<number>,
  inputScale: number,
  weightScales: Float32Array,
): {q: Int32Array; scales: Float32Array} {
  if (bias.length !== weightScales.length) {
    throw new Error(`bias: expected ${weightScales.length} channels, got ${bias.length}`);
  }
  const scales = weightScales.map((s) => Math.fround(inputScale * s));
  const q = Int32Array.from(bias, (b, c) => {
    const v = roundHalfEven(b / scales[c]!);
    if (Math.abs(v) > 2 ** 31 - 1) throw new Error(`bias channel ${c}: ${b} does not fit int32 at scale ${scales[c]}`);
    return v;
  });
  return {q, scales};
}
