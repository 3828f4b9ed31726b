import {type Head, type HeadInit, headInput, headOutputs, initHead} from "../../models/head.js";
import {createRng, deriveSeed} from "../../src/components/stats/random.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {Variant} from "../../src/components/study/vocabulary.js";
import {classWeights, epochVisits, shuffle, type Visit} from "./epochSchedule.js";
import {fitStandardizer} from "./fitStandardizer.js";
import {logitGradient} from "./logitGradient.js";
import {priorShift} from "./priorCorrection.js";
import {simdTraining} from "./simdTraining.js";

/**
 * Trains the 2048 → 4 head on cached embeddings (the frozen backbone never runs in training mode, so BatchNorm keeps
 * its ImageNet statistics). In float64 throughout: the same seeds and data give bit-identical weights. The per-sample
 * loops run on a WebAssembly SIMD kernel over the embeddings' non-zero entries (simdTraining.ts), which computes the
 * products and sums of the plain loop in its order; the standardised path keeps the plain loop.
 *
 * Optimisers as in Keras/tfjs: SGD with momentum (v ← μv − η g; w ← w + v) or Adam (β 0.9/0.999, ε 1e-7). Loss is
 * averaged over the mini-batch (and, for binary cross-entropy, over the 4 outputs, as Keras does); with
 * balancing = "classWeights" each sample's loss is multiplied by its class weight N / (K · n_c).
 *
 * Standardisation (`standardize: true`, off by default; runModel.ts DefaultStandardizeFeatures has the measurements):
 * the raw avg_pool features are non-negative, mostly zero on CT patches and of unequal scales; centring and scaling
 * each feature on the training cohort (saved with the head) is the usual linear-probe remedy when plain SGD stalls.
 *
 * Curves: after every epoch (and at epoch 0, before any step) loss and accuracy on the unaugmented (identity)
 * embeddings of the training cohort and of each validation cohort, with the unweighted loss of the configured kind.
 */
export interface LabelledEmbeddings {
  name: string;
  /** n × 2048 per variant; evaluation uses "identity". */
  x: Map<Variant, Float32Array>;
  /** Class index 0..3 (CR, PR, SD, PD) per row. */
  labels: Int32Array;
}

/**
 * The training options are a slice of the study configuration, under the configuration's own names (runModel passes
 * `config.model` and `config.augmentation` as they are), so a key is never renamed or copied on the way in. `seeds`
 * is the configuration's with `training` set to the seed of this run (the configured one, or an extra seed after it).
 */
export interface TrainOptions {
  model: Pick<
    StudyConfig["model"],
    "head" | "loss" | "priorCorrection" | "optimizer" | "learningRate" | "momentum" | "batchSize" | "epochs"
  >;
  augmentation: Pick<StudyConfig["augmentation"], "balancing" | "variants">;
  seeds: Pick<StudyConfig["seeds"], "training" | "augmentation">;
  standardize: boolean;
  /** Departures from our defaults, for the ablation ladder (TrainSchedule); absent = the defaults. */
  schedule?: TrainSchedule;
  /** Loss/accuracy curves after every epoch (default true); the ablation's many runs skip them. */
  recordCurves?: boolean;
  /** Called after every SGD step with the head as it stands (cross-validation reads held-out loss at checkpoints). */
  onStep?: (step: number, head: Head, batch: readonly Visit[]) => void;
}

/**
 * How MATLAB R2018a's trainNetwork would have trained the paper's fc4 where it differs from ours (each defaults to
 * ours):
 * - `steps`: a budget of SGD steps that replaces model.epochs (epochs run until it is spent; the last may be cut);
 * - `l2`: L2 regularisation λ, gradient g + λw on the weights only (MATLAB: L2Regularization 1e-4, WeightL2Factor 1,
 *   BiasL2Factor 0); default 0;
 * - `init`: the dense layer's initialisation (models/head.ts HeadInit); default glorotUniform;
 * - `shuffle`: "once" draws and shuffles the epoch's visits once and walks them in that order every epoch (MATLAB's
 *   'Shuffle','once' over a datastore whose oversampled copies are files); default "everyEpoch";
 * - `dropPartialBatch`: an epoch's last mini-batch is skipped when smaller than batchSize (MATLAB does this); default
 *   false (Keras trains on it).
 */
export interface TrainSchedule {
  steps?: number;
  l2?: number;
  init?: HeadInit;
  shuffle?: "everyEpoch" | "once";
  dropPartialBatch?: boolean;
}

export interface CurvePoint {
  seed: number;
  epoch: number;
  cohort: string;
  loss: number;
  accuracy: number;
}

export const InputSize = 2048;
export const Classes = 4;
const Clip = 1e-7;

export function evaluateHead(head: Head, set: LabelledEmbeddings): {loss: number; accuracy: number} {
  const x = set.x.get("identity");
  const n = set.labels.length;
  if (!x) throw new Error(`evaluateHead: cohort ${set.name} has no identity embeddings`);
  if (n === 0) return {loss: Number.NaN, accuracy: Number.NaN};
  const out = headOutputs(head, x, n);
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const y = set.labels[i]!;
    let best = 0;
    for (let c = 0; c < Classes; c++) {
      const p = Math.min(1 - Clip, Math.max(Clip, out[i * Classes + c]!));
      if (out[i * Classes + c]! > out[i * Classes + best]!) best = c;
      if (head.kind === "sigmoid") loss -= (c === y ? Math.log(p) : Math.log(1 - p)) / Classes;
      else if (c === y) loss -= Math.log(p);
    }
    if (best === y) correct++;
  }
  return {loss: loss / n, accuracy: correct / n};
}

/**
 * One sample's contribution to the mini-batch gradient: forward pass, dL/dz = (p − onehot(y)) · scale, and
 * grad += input ⊗ dz. The hot loop of every head trained here (the ablation ladder trains dozens), written for 4
 * classes with scalar accumulators and reading the embeddings in place; the arithmetic, and its order, are those of
 * headLogits and the per-class loop it replaced, so the weights are bit-identical.
 */
function accumulate(
  head: Head,
  vec: Float32Array | Float64Array,
  off: number,
  y: number,
  weight: number,
  grad: Float64Array,
): void {
  const W = head.weights;
  let l0 = head.bias[0]!;
  let l1 = head.bias[1]!;
  let l2 = head.bias[2]!;
  let l3 = head.bias[3]!;
  for (let j = 0; j < InputSize; j++) {
    const v = vec[off + j]!;
    if (v === 0) continue;
    const o = j * 4;
    l0 += v * W[o]!;
    l1 += v * W[o + 1]!;
    l2 += v * W[o + 2]!;
    l3 += v * W[o + 3]!;
  }
  scratchLogits[0] = l0;
  scratchLogits[1] = l1;
  scratchLogits[2] = l2;
  scratchLogits[3] = l3;
  logitGradient(head.kind, scratchLogits, y, weight, scratchDelta);
  const d0 = scratchDelta[0]!;
  const d1 = scratchDelta[1]!;
  const d2 = scratchDelta[2]!;
  const d3 = scratchDelta[3]!;
  for (let j = 0; j < InputSize; j++) {
    const v = vec[off + j]!;
    if (v === 0) continue;
    const o = j * 4;
    grad[o] = grad[o]! + v * d0;
    grad[o + 1] = grad[o + 1]! + v * d1;
    grad[o + 2] = grad[o + 2]! + v * d2;
    grad[o + 3] = grad[o + 3]! + v * d3;
  }
  const b = W.length;
  grad[b] = grad[b]! + d0;
  grad[b + 1] = grad[b + 1]! + d1;
  grad[b + 2] = grad[b + 2]! + d2;
  grad[b + 3] = grad[b + 3]! + d3;
}
const scratchLogits = new Float64Array(4);
const scratchDelta = new Float64Array(4);

export function trainHead(
  train: LabelledEmbeddings,
  evaluation: LabelledEmbeddings[],
  {model, augmentation, seeds, standardize, schedule = {}, recordCurves = true, onStep}: TrainOptions,
): {head: Head; curves: CurvePoint[]; steps: number; priorShift: number[] | null} {
  if (model.head === "sigmoid" && model.loss !== "binaryCrossentropy") {
    throw new Error(`model.loss: expected binaryCrossentropy with a sigmoid head, got ${model.loss}`);
  }
  if (model.head === "softmax" && model.loss !== "categoricalCrossentropy") {
    throw new Error(`model.loss: expected categoricalCrossentropy with a softmax head, got ${model.loss}`);
  }
  const n = train.labels.length;
  if (n === 0) throw new Error(`training cohort ${train.name}: expected labelled patches, got none`);
  for (const v of augmentation.variants) {
    if (train.x.get(v)?.length !== n * InputSize) {
      throw new Error(`training cohort ${train.name}: expected ${n} × ${InputSize} embeddings for variant ${v}`);
    }
  }
  const budget = schedule.steps;
  if (budget !== undefined && !(Number.isInteger(budget) && budget >= 1))
    throw new Error(`schedule.steps: expected an integer ≥ 1, got ${budget}`);
  const l2 = schedule.l2 ?? 0;
  if (!(l2 >= 0 && Number.isFinite(l2))) throw new Error(`schedule.l2: expected a finite number ≥ 0, got ${l2}`);
  const head = initHead(model.head, InputSize, Classes, deriveSeed(seeds.training, "head-init"), schedule.init);
  if (standardize) {
    head.standardize = fitStandardizer(
      augmentation.variants.map((v) => train.x.get(v)!),
      InputSize,
    );
  }
  const orderRng = createRng(deriveSeed(seeds.training, "batch-order"));
  const augRng = createRng(deriveSeed(seeds.augmentation, "augmentation"));
  const weightsOfClass = augmentation.balancing === "classWeights" ? classWeights(train.labels, Classes) : null;

  const params = head.weights.length + Classes;
  const velocity = new Float64Array(params);
  const adamM = new Float64Array(params);
  const adamV = new Float64Array(params);
  let adamStep = 0;
  const input = new Float64Array(InputSize);
  // Unstandardised inputs (the default) train on the SIMD kernel over row-compressed embeddings; the head's weights,
  // the gradient and the rows live in the kernel's memory until the end of training.
  const simd = head.standardize ? null : simdTraining(head, train, augmentation.variants);
  const grad = simd ? simd.grad : new Float64Array(params);

  const curves: CurvePoint[] = [];
  const record = (epoch: number) => {
    if (!recordCurves) return;
    for (const set of [train, ...evaluation])
      curves.push({seed: seeds.training, epoch, cohort: set.name, ...evaluateHead(head, set)});
  };
  record(0);

  const drawVisits = () =>
    shuffle(epochVisits(train.labels, Classes, augmentation.variants, augmentation.balancing, augRng), orderRng);
  // The epoch's visits: redrawn every epoch, or (shuffle once) drawn once and kept.
  let once: Visit[] | null = null;
  let step = 0;
  const more = (epoch: number) => (budget === undefined ? epoch <= model.epochs : step < budget);
  for (let epoch = 1; more(epoch); epoch++) {
    if (schedule.shuffle !== "once" || once === null) once = drawVisits();
    const visits = once;
    const usable = schedule.dropPartialBatch ? visits.length - (visits.length % model.batchSize) : visits.length;
    if (usable === 0) {
      throw new Error(
        `training cohort ${train.name}: an epoch of ${visits.length} visits holds no full mini-batch of ${model.batchSize} (partial batches dropped)`,
      );
    }
    for (let start = 0; start < usable && (budget === undefined || step < budget); start += model.batchSize) {
      const batch = visits.slice(start, start + model.batchSize);
      grad.fill(0);
      for (const {index, variant} of batch) {
        const y = train.labels[index]!;
        const weight = weightsOfClass ? weightsOfClass[y]! : 1;
        if (simd) simd.accumulate(variant, index, y, weight);
        else {
          headInput(head, train.x.get(variant)!, index, input);
          accumulate(head, input, 0, y, weight, grad);
        }
      }
      const b = batch.length;
      const lr = model.learningRate;
      // L2 on the weights only (not the biases, which follow the weights in grad): mean gradient + λw.
      if (l2 > 0) for (let p = 0; p < head.weights.length; p++) grad[p]! += b * l2 * head.weights[p]!;
      if (model.optimizer === "sgd") {
        for (let p = 0; p < params; p++) velocity[p] = model.momentum * velocity[p]! - (lr * grad[p]!) / b;
      } else {
        adamStep++;
        const c1 = 1 - 0.9 ** adamStep;
        const c2 = 1 - 0.999 ** adamStep;
        for (let p = 0; p < params; p++) {
          const g = grad[p]! / b;
          adamM[p] = 0.9 * adamM[p]! + 0.1 * g;
          adamV[p] = 0.999 * adamV[p]! + 0.001 * g * g;
          velocity[p] = (-lr * (adamM[p]! / c1)) / (Math.sqrt(adamV[p]! / c2) + 1e-7);
        }
      }
      for (let p = 0; p < head.weights.length; p++) head.weights[p]! += velocity[p]!;
      for (let c = 0; c < Classes; c++) head.bias[c]! += velocity[head.weights.length + c]!;
      step++;
      onStep?.(step, head, batch);
    }
    record(epoch);
  }
  simd?.release();
  // Balanced training fitted a uniform prior; the configured correction restores the training prevalence (after the
  // curves, which describe the training itself).
  const shift = priorShift(train.labels, Classes, augmentation.balancing, model.priorCorrection);
  if (shift) for (let c = 0; c < Classes; c++) head.bias[c]! += shift[c]!;
  return {head, curves, steps: step, priorShift: shift ? [...shift] : null};
}
