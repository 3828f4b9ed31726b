import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {batchNormAffine, convToOnnx} from "../../../../loaders/features/onnx/foldBatchNorm.js";

describe("batchNormAffine(bn)", () => {
  it("is gamma/sqrt(var+eps) and beta - mean·scale (hand-computed: 2/sqrt(3.75+0.25) = 1, 1 - 3·1 = -2)", () => {
    const {scale, shift} = batchNormAffine({
      gamma: Float32Array.of(2),
      beta: Float32Array.of(1),
      movingMean: Float32Array.of(3),
      movingVariance: Float32Array.of(3.75),
      epsilon: 0.25,
    });
    assert.equal(scale[0], 1);
    assert.equal(shift[0], -2);
  });
  it("without gamma/beta (scale/center off) uses 1 and 0; rejects mismatched channel counts", () => {
    const {scale, shift} = batchNormAffine({
      movingMean: Float32Array.of(0),
      movingVariance: Float32Array.of(0.25),
      epsilon: 0,
    });
    assert.deepEqual([scale[0], shift[0]], [2, 0]);
    assert.throws(
      () =>
        batchNormAffine({
          gamma: Float32Array.of(1, 1),
          movingMean: Float32Array.of(0),
          movingVariance: Float32Array.of(1),
          epsilon: 0,
        }),
      /batch norm gamma: expected 1 channels, got 2/,
    );
  });
});

describe("convToOnnx(kernel, shape, bias, affine)", () => {
  it("HWIO → OIHW moves element (y, x, i, o) to (o, i, y, x)", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 3}),
        fc.integer({min: 1, max: 3}),
        fc.integer({min: 1, max: 3}),
        fc.integer({min: 1, max: 3}),
        (kh, kw, cin, cout) => {
          const kernel = Float32Array.from({length: kh * kw * cin * cout}, (_, i) => i);
          const {weight, bias} = convToOnnx(kernel, [kh, kw, cin, cout], undefined);
          for (let y = 0; y < kh; y++)
            for (let x = 0; x < kw; x++)
              for (let i = 0; i < cin; i++)
                for (let o = 0; o < cout; o++) {
                  assert.equal(weight[((o * cin + i) * kh + y) * kw + x], kernel[((y * kw + x) * cin + i) * cout + o]);
                }
          assert.deepEqual(Array.from(bias), new Array(cout).fill(0));
        },
      ),
      {seed: 42, numRuns: 30},
    );
  });
  it("folding scales each output channel and maps the bias through the affine map", () => {
    const {weight, bias} = convToOnnx(Float32Array.of(1, 2), [1, 1, 1, 2], Float32Array.of(10, 20), {
      scale: Float64Array.of(3, 0.5),
      shift: Float64Array.of(1, -1),
    });
    assert.deepEqual(Array.from(weight), [3, 1]);
    assert.deepEqual(Array.from(bias), [31, 9]);
  });
  it("rejects kernels whose size does not match the shape", () => {
    assert.throws(
      () => convToOnnx(new Float32Array(5), [1, 1, 2, 2], undefined),
      /expected 4 values for \[1,1,2,2\], got 5/,
    );
  });
});
