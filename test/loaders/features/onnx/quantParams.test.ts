import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import * as ort from "onnxruntime-node";
import {GraphBuilder} from "../../../../loaders/features/onnx/graphBuilder.js";
import {
  activationParams,
  dequantize,
  int32Bias,
  quantize,
  roundHalfEven,
  symmetricWeights,
} from "../../../../loaders/features/onnx/quantParams.js";

/**
 * The reference is ONNX Runtime itself: DynamicQuantizeLinear computes uint8 parameters from a tensor's own range
 * (scale = (max(0, xmax) − min(0, xmin)) / 255, zero point = saturate(round(−xmin / scale))) and quantizes with them,
 * the same rule activationParams applies to a calibrated range; its ONNX specification gives a worked example.
 */
async function ortDynamicQuantize(x: Float32Array): Promise<{y: Uint8Array; scale: number; zeroPoint: number}> {
  const g = new GraphBuilder();
  g.input("x", "float", [x.length]);
  const node = {opType: "DynamicQuantizeLinear", input: ["x"], output: ["y", "s", "z"], name: "dq"};
  // GraphBuilder's node() has one output; DynamicQuantizeLinear has three, so this test adds it through the proto.
  (g as unknown as {nodes: unknown[]}).nodes.push(node);
  g.output("y", "uint8", [x.length]);
  g.output("s", "float", []);
  g.output("z", "uint8", []);
  const bytes = g.encode({graphName: "dql", opset: 13, producer: "test", metadata: {}});
  const session = await ort.InferenceSession.create(bytes);
  try {
    const out = await session.run({x: new ort.Tensor("float32", x, [x.length])});
    return {
      y: out.y!.data as Uint8Array,
      scale: (out.s!.data as Float32Array)[0]!,
      zeroPoint: (out.z!.data as Uint8Array)[0]!,
    };
  } finally {
    await session.release();
  }
}

describe("activationParams / quantize (uint8, per tensor)", () => {
  it("reproduces the ONNX DynamicQuantizeLinear worked example (scale 0.0196078438, zero point 153)", () => {
    const x = [0, 2, -3, -2.5, 1.34, 0.5];
    const p = activationParams(Math.min(...x), Math.max(...x));
    assert.ok(Math.abs(p.scale - 0.0196078438) < 1e-9);
    assert.equal(p.zeroPoint, 153);
    assert.deepEqual(
      x.map((v) => quantize(v, p)),
      [153, 255, 0, 26, 221, 178],
    );
  });

  it("agrees with ONNX Runtime's DynamicQuantizeLinear on random tensors (parameters and every value)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.float32Array({minLength: 2, maxLength: 64, noNaN: true, noDefaultInfinity: true, min: -1e4, max: 1e4}),
        async (values) => {
          const x = Float32Array.from(values);
          const ref = await ortDynamicQuantize(x);
          let [lo, hi] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
          for (const v of x) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
          const p = activationParams(lo, hi);
          if (Math.max(hi, 0) - Math.min(lo, 0) < 1e-30) return; // (near) zero range: ORT's scale is 0 or denormal, ours 1
          // The range's width in float64 here, float32 in ORT: the scales agree to float32 rounding, and a value on a
          // rounding boundary (the zero point's included) may land one step apart.
          assert.ok(Math.abs(p.scale - ref.scale) <= 2 ** -22 * ref.scale, `scale ${p.scale} vs ${ref.scale}`);
          assert.ok(Math.abs(p.zeroPoint - ref.zeroPoint) <= 1, `zero point ${p.zeroPoint} vs ${ref.zeroPoint}`);
          x.forEach((v, i) => {
            assert.ok(Math.abs(quantize(v, p) - ref.y[i]!) <= 1, `value ${v}`);
          });
        },
      ),
      {seed: 26, numRuns: 40},
    );
  });

  it("round trip: every value in the calibrated range comes back within scale / 2; zero exactly", () => {
    fc.assert(
      fc.property(
        fc.double({min: -1e3, max: 1e3, noNaN: true}),
        fc.double({min: 1e-3, max: 1e3, noNaN: true}),
        fc.double({min: 0, max: 1, noNaN: true}),
        (lo, width, t) => {
          const hi = lo + width;
          const p = activationParams(lo, hi);
          const x = lo + t * width;
          const err = Math.abs(dequantize(quantize(x, p), p) - x);
          // scale / 2 from rounding, plus the zero point's own rounding when 0 lies outside [lo, hi] (range widened).
          assert.ok(err <= p.scale * (0.5 + 1e-6) + 1e-9, `x ${x} in [${lo}, ${hi}]: error ${err} > ${p.scale / 2}`);
          assert.equal(dequantize(quantize(0, p), p), 0);
        },
      ),
      {seed: 2026, numRuns: 500},
    );
  });

  it("rejects an empty or non-finite range", () => {
    assert.throws(() => activationParams(1, 0), /expected finite min ≤ max, got \[1, 0\]/);
    assert.throws(() => activationParams(Number.NaN, 1), /expected finite min ≤ max/);
  });

  it("rounds half to even, as QuantizeLinear does", () => {
    assert.deepEqual([0.5, 1.5, 2.5, -0.5, -1.5, 2.4, 2.6].map(roundHalfEven), [0, 2, 2, -0, -2, 2, 3]);
  });
});

describe("symmetricWeights (int8, per output channel)", () => {
  it("scale = max|w| / 127 per channel, zero point 0, the channel's extreme at ±127; all-zero channel scale 1", () => {
    const {q, scales} = symmetricWeights([0.5, -1, 0.25, 0, 0, 0, 2, 1], 4);
    assert.deepEqual([...scales], [Math.fround(1 / 127), Math.fround(0.25 / 127), 1, Math.fround(2 / 127)]);
    assert.deepEqual([...q], [64, -127, 127, 0, 0, 0, 127, 64]);
  });

  it("round trip within scale / 2 for every weight (a denormal channel within 0.5), and never −128", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 6}),
        fc.integer({min: 1, max: 20}),
        fc.array(fc.double({min: -5, max: 5, noNaN: true}), {minLength: 120, maxLength: 120}),
        (channels, per, pool) => {
          const w = pool.slice(0, channels * per);
          if (w.length < channels * per) return;
          const {q, scales} = symmetricWeights(w, channels);
          w.forEach((v, i) => {
            const s = scales[Math.floor(i / per)]!;
            assert.ok(q[i]! >= -127 && q[i]! <= 127);
            assert.ok(Math.abs(q[i]! * s - v) <= s * (0.5 + 1e-6) + 1e-12, `weight ${i}: ${v} → ${q[i]} × ${s}`);
          });
        },
      ),
      {seed: 126, numRuns: 300},
    );
  });

  it("rejects a length that is not a multiple of the channels", () => {
    assert.throws(() => symmetricWeights([1, 2, 3], 2), /expected a length divisible by 2 channels, got 3/);
  });
});

describe("int32Bias", () => {
  it("bias scale = input scale × weight scale per channel; values rounded half to even", () => {
    const {q, scales} = int32Bias([1, -0.5], 0.5, Float32Array.of(0.25, 0.1));
    assert.deepEqual([...scales], [0.125, Math.fround(0.05)]);
    assert.deepEqual([...q], [8, -10]);
    assert.throws(() => int32Bias([1], 0.5, Float32Array.of(1, 2)), /expected 2 channels, got 1/);
  });
});
