import assert from "node:assert/strict";
import {describe, it} from "node:test";
import * as ort from "onnxruntime-node";
import {measurePeak, peakGraph} from "../../../../loaders/features/onnx/measuredPeak.js";

describe("peakGraph(kind, n) / measurePeak(kind)", () => {
  it("the int8 graph computes the integer product exactly (checked against a plain triple loop)", async () => {
    const n = 8;
    const session = await ort.InferenceSession.create(peakGraph("int8", n));
    const a = Uint8Array.from({length: n * n}, (_, i) => (i * 37) % 256);
    const out = await session.run({a: new ort.Tensor("uint8", a, [n, n])});
    await session.release();
    const y = out.y!.data as Int32Array;
    // b is the graph's own constant: recover it from products with unit vectors e_k (row k of b).
    const unit = await ort.InferenceSession.create(peakGraph("int8", n));
    const eye = Uint8Array.from({length: n * n}, (_, i) => (Math.floor(i / n) === i % n ? 1 : 0));
    const b = (await unit.run({a: new ort.Tensor("uint8", eye, [n, n])})).y!.data as Int32Array;
    await unit.release();
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let k = 0; k < n; k++) sum += a[i * n + k]! * b[k * n + j]!;
        assert.equal(y[i * n + j], sum);
      }
    }
  });

  it("reports a positive rate and how it was measured", async () => {
    const peak = await measurePeak("fp32", {n: 64, threads: 1, repeats: 2});
    assert.ok(peak.gopsPerSecond > 0);
    assert.match(peak.derivation, /^MatMul fp32 64² on ONNX Runtime, 1 thread, best of 2 runs: /);
  });
});
