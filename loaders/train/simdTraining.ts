import type {Head} from "../../models/head.js";
import type {Variant} from "../../src/components/study/vocabulary.js";
import {logitGradient} from "./logitGradient.js";
import {simdHeadKernel} from "./simdHeadKernel.js";
import {sparseRows} from "./sparseRows.js";

/**
 * One training's state on the SIMD kernel (simdHeadKernel.ts): the head's weights and biases, the gradient and every
 * variant's row-compressed embeddings (sparseRows.ts) laid out in the kernel's memory. While training, `head.weights`
 * and `head.bias` are views over that memory (so the optimiser's update and any `onStep` reader see the live
 * values); `release` gives the head its own copies back.
 */
export interface SimdTraining {
  /** The mini-batch gradient, weights then biases, as trainHead lays it out. */
  grad: Float64Array;
  /** Adds one sample's gradient (row `row` of `variant`, class y, loss weight) to `grad`. */
  accumulate(variant: Variant, row: number, y: number, weight: number): void;
  release(): void;
}

const align = (n: number) => Math.ceil(n / 16) * 16;

export function simdTraining(
  head: Head,
  train: {name: string; x: Map<Variant, Float32Array>},
  variants: readonly Variant[],
): SimdTraining {
  const kernel = simdHeadKernel();
  if (!kernel)
    throw new Error("trainHead: this JavaScript runtime has no WebAssembly SIMD, which the head's training uses");
  if (head.classes !== 4) throw new Error(`trainHead: the SIMD kernel trains 4 classes, got ${head.classes}`);
  const weightCount = head.weights.length;
  const params = weightCount + 4;
  // Layout: weights (then biases, contiguous) | gradient | d | logits | per variant: columns, values.
  const W = 0;
  const B = W + weightCount * 8;
  const G = align(B + 32);
  const D = align(G + params * 8);
  const OUT = D + 32;
  let at = OUT + 32;
  const rows = variants.map((variant) => {
    const x = train.x.get(variant);
    if (!x) throw new Error(`training cohort ${train.name}: no ${variant} embeddings`);
    const sparse = sparseRows(x, head.inputSize);
    const column = at;
    const value = align(column + sparse.column.length * 2);
    at = align(value + sparse.value.length * 4);
    return {variant, sparse, column, value};
  });
  kernel.reserve(at);
  const buffer = kernel.memory.buffer;
  const placed = new Map(
    rows.map(({variant, sparse, column, value}) => {
      new Uint16Array(buffer, column, sparse.column.length).set(sparse.column);
      new Float32Array(buffer, value, sparse.value.length).set(sparse.value);
      return [variant, {start: sparse.start, column, value}] as const;
    }),
  );
  const weights = new Float64Array(buffer, W, weightCount);
  const bias = new Float64Array(buffer, B, 4);
  weights.set(head.weights);
  bias.set(head.bias);
  head.weights = weights;
  head.bias = bias;
  const grad = new Float64Array(buffer, G, params);
  const d = new Float64Array(buffer, D, 4);
  const logits = new Float64Array(buffer, OUT, 4);
  return {
    grad,
    accumulate(variant, row, y, weight) {
      const p = placed.get(variant);
      if (!p) throw new Error(`trainHead: variant ${variant} was not laid out for training`);
      const from = p.start[row]!;
      const to = p.start[row + 1]!;
      kernel.logits(W, B, p.column, p.value, from, to, OUT);
      logitGradient(head.kind, logits, y, weight, d);
      kernel.gradient(G, p.column, p.value, from, to, D);
      grad[weightCount] = grad[weightCount]! + d[0]!;
      grad[weightCount + 1] = grad[weightCount + 1]! + d[1]!;
      grad[weightCount + 2] = grad[weightCount + 2]! + d[2]!;
      grad[weightCount + 3] = grad[weightCount + 3]! + d[3]!;
    },
    release() {
      head.weights = weights.slice();
      head.bias = bias.slice();
    },
  };
}
