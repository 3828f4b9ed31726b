import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {embeddingAgreement, rowCosines} from "../../../../loaders/features/onnx/embeddingAgreement.js";

describe("embeddingAgreement", () => {
  it("cosine per row, summarised by mean and minimum", () => {
    const a = Float32Array.from([1, 0, 0, 1, 3, 4]);
    const b = Float32Array.from([2, 0, 1, 1, -3, -4]);
    const cos = rowCosines(a, b, 2);
    assert.deepEqual(cos, [1, 1 / Math.SQRT2, -1]);
    const s = embeddingAgreement(a, b, 2, "3 patches");
    assert.equal(s.patches, 3);
    assert.ok(Math.abs(s.meanCosine - (1 + 1 / Math.SQRT2 - 1) / 3) < 1e-12);
    assert.equal(s.minCosine, -1);
  });

  it("refuses matrices of different shapes", () => {
    assert.throws(() => rowCosines(new Float32Array(4), new Float32Array(6), 2), /two n × 2 matrices/);
  });
});
