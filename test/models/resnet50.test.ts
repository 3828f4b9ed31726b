import assert from "node:assert/strict";
import {after, before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs";
import {chooseBackend} from "../../loaders/features/chooseBackend.js";
import {defaultWeightsDir} from "../../loaders/weights/fetchWeights.js";
import {loadBackbone} from "../../loaders/weights/loadBackbone.js";
import {readModelFiles} from "../../loaders/weights/readModelFiles.js";
import {CaffeMeans, toCaffeInput} from "../../models/preprocessing.js";
import {loadResNet50, modelIdOf, topologyLayers, withBatchNormEpsilon} from "../../models/resnet50.js";
import {realWeightsMissing, tinyWeightsDir} from "./tinyResNet.js";

describe("models/resnet50", () => {
  let dir = "";
  before(async () => {
    await chooseBackend("wasm", () => {});
    dir = await tinyWeightsDir();
  });

  it("toCaffeInput maps uint8 RGB to BGR minus the caffe means", () => {
    const out = toCaffeInput(Uint8Array.from([10, 20, 30]), 1, 1);
    assert.deepEqual(
      [...out],
      [Math.fround(30 - CaffeMeans.b), Math.fround(20 - CaffeMeans.g), Math.fround(10 - CaffeMeans.r)],
    );
    assert.throws(() => toCaffeInput(new Uint8Array(4), 1, 1), /expected 1 × 1 × 1 × 3 = 3 bytes, got 4/);
  });

  it("withBatchNormEpsilon sets every BatchNormalization epsilon and leaves the input untouched", async () => {
    const files = await readModelFiles(dir);
    const patched = withBatchNormEpsilon(files.topology, 1e-5);
    const bns = topologyLayers(patched)!.filter((l) => l.class_name === "BatchNormalization");
    assert.ok(bns.length > 0);
    assert.ok(bns.every((l) => l.config.epsilon === 1e-5));
    assert.ok(
      topologyLayers(files.topology)!
        .filter((l) => l.class_name === "BatchNormalization")
        .every((l) => l.config.epsilon === 1e-3),
    );
  });

  it("loadResNet50 returns the avg_pool backbone [N, 2048] and the res5c output; modelId depends on epsilon", async () => {
    const files = await readModelFiles(dir);
    const net = await loadResNet50(files, {batchNormEpsilon: 1e-3});
    try {
      assert.equal(net.inputPx, 32);
      assert.deepEqual(net.backbone.outputs[0]!.shape, [null, 2048]);
      assert.deepEqual(net.lastConv.outputs[0]!.shape, [null, 1, 1, 2048]);
      assert.equal(net.modelId, modelIdOf(files.weightsHash, 1e-3));
      assert.notEqual(net.modelId, modelIdOf(files.weightsHash, 1e-5));
    } finally {
      net.model.dispose();
    }
  });

  it("loadResNet50 rejects a model without avg_pool, naming the folder", async () => {
    const files = await readModelFiles(dir);
    const topology = structuredClone(files.topology);
    for (const l of topologyLayers(topology)!) {
      if (l.name === "avg_pool") {
        l.name = "pool_x";
        l.config.name = "pool_x";
      }
    }
    const fc = topologyLayers(topology)!.find((l) => l.name === "fc1000")!;
    (fc as unknown as {inbound_nodes: unknown[][][]}).inbound_nodes[0]![0]![0] = "pool_x";
    await assert.rejects(
      loadResNet50({...files, topology}, {batchNormEpsilon: 1e-3}),
      /expected a ResNet50-shaped model with an "avg_pool" layer/,
    );
  });

  describe("the real ImageNet weights", () => {
    it("load with 177 layers and classify a synthetic test pattern deterministically", {
      skip: realWeightsMissing,
    }, async () => {
      const net = await loadBackbone(defaultWeightsDir, {batchNormEpsilon: 1e-3});
      try {
        assert.equal(net.layerCount, 177);
        assert.equal(net.inputPx, 224);
        assert.equal(net.weightsHash, "85bf3b1172254658d37f543a1fc58f5bed865fe21e2f33e20528beb6546ffdc6");
        // A 224×224 colour checkerboard with a diagonal gradient: fixed, synthetic, reproducible.
        const rgb = new Uint8Array(224 * 224 * 3);
        for (let y = 0; y < 224; y++) {
          for (let x = 0; x < 224; x++) {
            const o = (y * 224 + x) * 3;
            const check = ((x >> 4) + (y >> 4)) % 2;
            rgb[o] = check ? 230 : 20;
            rgb[o + 1] = (x + y) % 256;
            rgb[o + 2] = check ? 40 : 200;
          }
        }
        const classify = () =>
          tf.tidy(() => {
            const p = net.model.predict(tf.tensor4d(toCaffeInput(rgb, 1, 224), [1, 224, 224, 3])) as tf.Tensor;
            return Array.from(p.dataSync());
          });
        const before = tf.memory().numTensors;
        const a = classify();
        const b = classify();
        assert.equal(tf.memory().numTensors, before);
        assert.deepEqual(a, b);
        const top = a.indexOf(Math.max(...a));
        assert.ok(Math.abs(a.reduce((s, v) => s + v, 0) - 1) < 1e-4);
        assert.ok(top >= 0 && top < 1000);
        assert.ok(a[top]! > 0.05, `top-1 probability ${a[top]} should be well above chance (0.001)`);
      } finally {
        net.model.dispose();
      }
    });

    it("a corrupted shard of the official model is an error, not random weights", {
      skip: realWeightsMissing,
    }, async () => {
      const {cp, mkdtemp, readFile, writeFile} = await import("node:fs/promises");
      const {join} = await import("node:path");
      const {tmpdir} = await import("node:os");
      const copy = join(await mkdtemp(join(tmpdir(), "corrupt-")), "w");
      await cp(defaultWeightsDir, copy, {recursive: true});
      const shard = join(copy, "group1-shard7of25.bin");
      const bytes = await readFile(shard);
      bytes[100] = bytes[100]! ^ 1;
      await writeFile(shard, bytes);
      await assert.rejects(
        loadBackbone(copy, {batchNormEpsilon: 1e-3}),
        /weight shards are corrupted: expected weights sha256 85bf3b11/,
      );
    });
  });

  after(() => {});
});
