import assert from "node:assert/strict";
import {describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs";
import onnxProto from "onnx-proto";
import * as ort from "onnxruntime-node";
import {OnnxInputName, OnnxOutputName} from "../../../loaders/features/onnx/graphNames.js";
import {exportOnnx} from "../../../loaders/features/onnxExport.js";
import {toCaffeInput} from "../../../models/preprocessing.js";
import {buildResNet, TinyResNetShape} from "../../../models/resNetTopology.js";
import {createRng} from "../../../src/components/stats/random.js";

const {onnx} = onnxProto;

/** Relative L2 error of each row of `a` against the reference rows of `b`. */
function rowErrors(a: Float32Array, b: Float32Array, width: number): number[] {
  const errors: number[] = [];
  for (let r = 0; r < b.length / width; r++) {
    let diff = 0;
    let norm = 0;
    for (let j = r * width; j < (r + 1) * width; j++) {
      diff += (a[j]! - b[j]!) ** 2;
      norm += b[j]! ** 2;
    }
    errors.push(Math.sqrt(diff / norm));
  }
  return errors;
}

function randomPixels(count: number, sizePx: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  return Uint8Array.from({length: count * sizePx * sizePx * 3}, () => rng.int(256));
}

async function runOnnx(bytes: Uint8Array, pixels: Uint8Array, count: number, sizePx: number): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes, {graphOptimizationLevel: "all", intraOpNumThreads: 1});
  try {
    const out = await session.run({[OnnxInputName]: new ort.Tensor("uint8", pixels, [count, sizePx, sizePx, 3])});
    return out[OnnxOutputName]!.data as Float32Array;
  } finally {
    await session.release();
  }
}

function runTfjs(model: tf.LayersModel, pixels: Uint8Array, count: number, sizePx: number, output = "avg_pool") {
  const head = tf.model({inputs: model.inputs, outputs: model.getLayer(output).output as tf.SymbolicTensor});
  return tf.tidy(() => {
    const x = tf.tensor4d(toCaffeInput(pixels, count, sizePx), [count, sizePx, sizePx, 3]);
    return (head.predict(x) as tf.Tensor).dataSync() as Float32Array;
  });
}

/** Gives every weight of `model` seeded values; BatchNorm variances stay positive. */
function seedWeights(model: tf.LayersModel, seed: number): void {
  const rng = createRng(seed);
  const values = model.weights.map((w) => {
    const size = w.shape.reduce((a: number, b) => a * (b ?? 1), 1);
    const positive = /moving_variance|gamma/.test(w.originalName ?? w.name);
    return tf.tensor(
      Float32Array.from({length: size}, () => (positive ? 0.5 + rng.next() : 0.3 * rng.normal())),
      w.shape as number[],
    );
  });
  model.setWeights(values);
  tf.dispose(values);
}

describe("exportOnnx(model, opts)", () => {
  it("matches tfjs on a tiny ResNet-shaped model (relative L2 ≤ 1e-4 per embedding) and folds every BatchNorm", async () => {
    await tf.setBackend("cpu");
    const model = buildResNet({...TinyResNetShape, seed: 7});
    const {onnx: bytes, info} = exportOnnx(model);
    assert.equal(info.outputLayer, "avg_pool");
    assert.equal(info.outputSize, 2048);
    assert.equal(info.inputPx, 32);
    assert.equal(info.foldedBatchNorms, model.layers.filter((l) => l.getClassName() === "BatchNormalization").length);
    assert.deepEqual(info.batchNormEpsilons, [1e-3]);
    assert.equal(info.epsilonSource, "layer-config");
    const pixels = randomPixels(3, 32, 1);
    const got = await runOnnx(bytes, pixels, 3, 32);
    const want = runTfjs(model, pixels, 3, 32);
    for (const e of rowErrors(got, want, 2048)) assert.ok(e <= 1e-4, `relative L2 error ${e}`);
    model.dispose();
  });

  it("an epsilon override changes every BatchNorm and is recorded in the graph's metadata", async () => {
    await tf.setBackend("cpu");
    const model = buildResNet({...TinyResNetShape, seed: 7});
    const {onnx: bytes, info} = exportOnnx(model, {batchNormEpsilon: 1e-5});
    assert.deepEqual(info.batchNormEpsilons, [1e-5]);
    assert.equal(info.epsilonSource, "override");
    const decoded = onnx.ModelProto.decode(bytes);
    const meta = Object.fromEntries(decoded.metadataProps.map((p) => [p.key, p.value]));
    assert.equal(meta.batchNormEpsilons, "[0.00001]");
    assert.equal(meta.epsilonSource, '"override"');
    // The reference: the same weights with epsilon 1e-5 in every layer config.
    for (const l of model.layers)
      if (l.getClassName() === "BatchNormalization") (l as unknown as {epsilon: number}).epsilon = 1e-5;
    const pixels = randomPixels(2, 32, 2);
    const got = await runOnnx(bytes, pixels, 2, 32);
    const want = runTfjs(model, pixels, 2, 32);
    for (const e of rowErrors(got, want, 2048)) assert.ok(e <= 1e-4, `relative L2 error ${e}`);
    model.dispose();
  });

  it("handles unfoldable BatchNorm, zero padding before max/avg pooling, AveragePooling2D + Flatten and Dense", async () => {
    await tf.setBackend("cpu");
    const input = tf.input({shape: [13, 13, 3], name: "input_1"});
    let x = tf.layers
      .zeroPadding2d({
        padding: [
          [1, 2],
          [2, 1],
        ],
        name: "pad_a",
      })
      .apply(input) as tf.SymbolicTensor;
    x = tf.layers
      .conv2d({filters: 5, kernelSize: 3, strides: 2, padding: "same", activation: "relu", name: "conv_a"})
      .apply(x) as tf.SymbolicTensor;
    x = tf.layers.batchNormalization({axis: 3, epsilon: 1e-3, name: "bn_a"}).apply(x) as tf.SymbolicTensor;
    const relu = tf.layers.activation({activation: "relu", name: "relu_a"}).apply(x) as tf.SymbolicTensor;
    x = tf.layers
      .zeroPadding2d({
        padding: [
          [1, 1],
          [1, 1],
        ],
        name: "pad_b",
      })
      .apply(relu) as tf.SymbolicTensor;
    x = tf.layers.maxPooling2d({poolSize: 3, strides: 1, name: "max_b"}).apply(x) as tf.SymbolicTensor;
    let y = tf.layers
      .zeroPadding2d({
        padding: [
          [1, 0],
          [0, 1],
        ],
        name: "pad_c",
      })
      .apply(x) as tf.SymbolicTensor;
    y = tf.layers.conv2d({filters: 6, kernelSize: 2, padding: "valid", name: "conv_c"}).apply(y) as tf.SymbolicTensor;
    y = tf.layers.batchNormalization({axis: 3, epsilon: 1e-3, name: "bn_c"}).apply(y) as tf.SymbolicTensor;
    // Zero padding before an average pool of a signed tensor must stay an explicit Pad.
    y = tf.layers
      .zeroPadding2d({
        padding: [
          [1, 1],
          [1, 1],
        ],
        name: "pad_d",
      })
      .apply(y) as tf.SymbolicTensor;
    y = tf.layers.averagePooling2d({poolSize: 3, strides: 3, name: "avg_d"}).apply(y) as tf.SymbolicTensor;
    const flat = tf.layers.flatten({name: "flatten"}).apply(y) as tf.SymbolicTensor;
    const out = tf.layers.dense({units: 4, name: "dense"}).apply(flat) as tf.SymbolicTensor;
    const model = tf.model({inputs: input, outputs: out});
    seedWeights(model, 3);
    const pixels = randomPixels(2, 13, 4);
    for (const layer of ["flatten", "dense"]) {
      const {onnx: bytes, info} = exportOnnx(model, {outputLayer: layer});
      assert.equal(info.foldedBatchNorms, 1, "bn_c follows a linear conv; bn_a follows a ReLU conv");
      const got = await runOnnx(bytes, pixels, 2, 13);
      const want = runTfjs(model, pixels, 2, 13, layer);
      const width = want.length / 2;
      for (const e of rowErrors(got, want, width)) assert.ok(e <= 1e-5, `${layer}: relative L2 error ${e}`);
    }
    model.dispose();
  });

  it("rejects unknown output layers and unsupported layer classes, naming them", () => {
    const input = tf.input({shape: [8, 8, 3], name: "input_1"});
    const x = tf.layers
      .conv2d({filters: 2, kernelSize: 3, activation: "tanh", name: "odd"})
      .apply(input) as tf.SymbolicTensor;
    const pooled = tf.layers.globalAveragePooling2d({name: "avg_pool"}).apply(x) as tf.SymbolicTensor;
    const model = tf.model({inputs: input, outputs: pooled});
    assert.throws(() => exportOnnx(model, {outputLayer: "nope"}), /expected a layer named nope/);
    assert.throws(() => exportOnnx(model), /conv odd: expected activation linear\|relu, got tanh/);
    const dropout = tf.layers.dropout({rate: 0.5, name: "drop"}).apply(input) as tf.SymbolicTensor;
    const m2 = tf.model({
      inputs: input,
      outputs: tf.layers.globalAveragePooling2d({name: "gap"}).apply(dropout) as tf.SymbolicTensor,
    });
    assert.throws(() => exportOnnx(m2, {outputLayer: "gap"}), /layer drop has unsupported class Dropout/);
    model.dispose();
    m2.dispose();
  });
});
