import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type * as tf from "@tensorflow/tfjs";
import {buildResNet, TinyResNetShape} from "../../models/resNetTopology.js";

describe("buildResNet", () => {
  it("buildResNet() has the Keras ResNet50's 177 layers, 25,636,712 parameters and Caffe-style names", () => {
    const m = buildResNet();
    try {
      assert.equal(m.layers.length, 177);
      assert.equal(m.countParams(), 25_636_712); // weights.md: 102,546,848 bytes / 4
      const names = m.layers.map((l) => l.name);
      for (const n of [
        "input_1",
        "conv1",
        "bn_conv1",
        "activation",
        "res2a_branch1",
        "bn5c_branch2c",
        "add_15",
        "activation_48",
      ]) {
        assert.ok(names.includes(n), n);
      }
      assert.deepEqual(names.slice(-2), ["avg_pool", "fc1000"]);
      assert.deepEqual((m.getLayer("activation_48").output as tf.SymbolicTensor).shape, [null, 7, 7, 2048]);
    } finally {
      m.dispose();
    }
  });

  it("buildResNet(TinyResNetShape) keeps the naming and a 2048-d avg_pool, and the same seed gives the same weights", () => {
    const a = buildResNet(TinyResNetShape);
    const b = buildResNet(TinyResNetShape);
    const c = buildResNet({...TinyResNetShape, seed: 2});
    try {
      assert.equal(a.layers.length, 57);
      assert.deepEqual((a.getLayer("avg_pool").output as tf.SymbolicTensor).shape, [null, 2048]);
      const w = (m: tf.LayersModel) => m.getLayer("conv1").getWeights()[0]!.dataSync();
      assert.deepEqual(w(a), w(b));
      assert.notDeepEqual(w(a), w(c));
    } finally {
      for (const m of [a, b, c]) m.dispose();
    }
  });
});
