import assert from "node:assert/strict";
import {after, before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs";
import {createTfjsEngine, splitChunks, type TfjsEngine} from "../../../loaders/features/tfjsEngine.js";
import {applyVariantBatch} from "../../../loaders/features/variants.js";
import {Variants} from "../../../src/components/study/vocabulary.js";
import {tinyPatchSet, tinyWeightsDir} from "../../models/tinyResNet.js";

describe("tfjsEngine", () => {
  let dir = "";
  let engine: TfjsEngine;
  const set = tinyPatchSet("A", 2, 5);
  const n = set.records.length;
  before(async () => {
    dir = await tinyWeightsDir();
    engine = await createTfjsEngine(
      {weightsDir: dir, batchNormEpsilon: 1e-3, backend: "wasm", threads: 1},
      {microBatch: 3, log: () => {}},
    );
  });
  after(async () => {
    await engine.dispose();
  });

  it("splitChunks(count, parts) covers 0..count in order with nearly equal contiguous chunks", () => {
    assert.deepEqual(splitChunks(7, 2), [
      [0, 4],
      [4, 3],
    ]);
    assert.deepEqual(splitChunks(1, 4), [[0, 1]]);
    assert.deepEqual(splitChunks(0, 2), []);
  });

  it("embed(pixels, n, 32, v) returns n × 2048 finite values and names the backend", async () => {
    const out = await engine.embed(set.pixels, n, 32, "identity");
    assert.equal(out.length, n * 2048);
    assert.ok(out.every(Number.isFinite));
    assert.equal(engine.name, "tfjs-wasm");
    assert.equal(engine.layerCount, 57);
  });

  it("leaves tf.memory().numTensors unchanged after inference", async () => {
    const before = tf.memory().numTensors;
    await engine.embed(set.pixels, n, 32, "rot90");
    await engine.lastConv(set.pixels.subarray(0, 2 * 3072), 2, 32, "identity");
    assert.equal(tf.memory().numTensors, before);
  });

  it("embedding a variant equals embedding the pre-transformed pixels as identity; micro-batching does not matter", async () => {
    for (const v of Variants) {
      const a = await engine.embed(set.pixels, n, 32, v);
      const b = await engine.embed(applyVariantBatch(set.pixels, n, 32, 3, v), n, 32, "identity");
      assert.deepEqual(a, b, v);
    }
  });

  it("a patch size different from the model input is resized, and a wrong buffer length is an error", async () => {
    const big = tinyPatchSet("B", 1, 6, 48);
    assert.equal((await engine.embed(big.pixels, 4, 48, "identity")).length, 4 * 2048);
    await assert.rejects(
      engine.embed(new Uint8Array(10), 1, 32, "identity"),
      /expected 1 patches of 32×32×3 bytes, got 10 bytes/,
    );
  });

  it("lastConv returns the res5c output [n, h, w, 2048] whose spatial mean is the embedding", async () => {
    const out = await engine.lastConv(set.pixels.subarray(0, 2 * 3072), 2, 32, "identity");
    assert.deepEqual([out.height, out.width, out.channels], [1, 1, 2048]);
    const emb = await engine.embed(set.pixels.subarray(0, 2 * 32 * 32 * 3), 2, 32, "identity");
    for (let i = 0; i < 2 * 2048; i += 97)
      assert.ok(Math.abs(out.activations[i]! - emb[i]!) <= 1e-5 * Math.max(1, Math.abs(emb[i]!)));
  });

  it("two wasm worker threads give exactly the single-thread embeddings", async () => {
    const pooled = await createTfjsEngine(
      {weightsDir: dir, batchNormEpsilon: 1e-3, backend: "wasm", threads: 2},
      {log: () => {}},
    );
    try {
      assert.equal(pooled.threads, 2);
      assert.equal(pooled.modelId, engine.modelId);
      assert.deepEqual(await pooled.embed(set.pixels, n, 32, "flipV"), await engine.embed(set.pixels, n, 32, "flipV"));
      const lc = await pooled.lastConv(set.pixels.subarray(0, 3 * 3072), 3, 32, "identity");
      assert.equal(lc.activations.length, 3 * 2048);
    } finally {
      await pooled.dispose();
    }
  });
});
