import {createRng} from "../src/components/stats/random.js";
import {type HeadKind, ResponseLabels} from "../src/components/study/vocabulary.js";

/**
 * The new classification head that replaces fc1000: one fully connected layer 2048 → 4 (CR, PR, SD, PD), in plain
 * TypeScript (float64) so that training is exactly reproducible from a seed on every backend.
 *
 * - kind "sigmoid" (the paper: sigmoid outputs, binary cross-entropy on one-hot targets): the four outputs are
 *   independent; predictions tables normalise them to sum to 1 (recorded in the run's provenance).
 * - kind "softmax" (corrected protocol): probabilities that sum to 1 by construction.
 * - `standardize`: optional per-feature (x − mean) / scale applied before the dense layer, fitted on the training
 *   cohort only; it is part of the head and saved with it (trainHead.ts says why it is needed).
 * Weights are row-major [input][class]; initialisation (HeadInit) is from the project's seeded PRNG.
 */

export interface Standardize {
  mean: Float64Array;
  scale: Float64Array;
}

export interface Head {
  kind: HeadKind;
  inputSize: number;
  classes: number;
  weights: Float64Array;
  bias: Float64Array;
  standardize: Standardize | null;
}

/**
 * How the dense layer's weights start (biases start at 0 either way):
 * - "glorotUniform": U(−√(6/(in+out)), +√(6/(in+out))), Keras's default and ours;
 * - "narrowNormal": N(0, 0.01²), what MATLAB R2018a's fullyConnectedLayer used (named 'narrow-normal' from R2019a),
 *   i.e. how the paper's fc4 would have started (the ablation ladder's MATLAB rung).
 */
export const HeadInits = ["glorotUniform", "narrowNormal"] as const;
export type HeadInit = (typeof HeadInits)[number];

export function initHead(
  kind: HeadKind,
  inputSize: number,
  classes: number,
  seed: number,
  init: HeadInit = "glorotUniform",
): Head {
  const rng = createRng(seed);
  const limit = Math.sqrt(6 / (inputSize + classes));
  const weights = new Float64Array(inputSize * classes);
  for (let i = 0; i < weights.length; i++)
    weights[i] = init === "narrowNormal" ? 0.01 * rng.normal() : (2 * rng.next() - 1) * limit;
  return {kind, inputSize, classes, weights, bias: new Float64Array(classes), standardize: null};
}

/** Writes the head's input for row `row` of X (n × inputSize, float32) into `out` (standardised when configured). */
export function headInput(head: Head, x: Float32Array, row: number, out: Float64Array): Float64Array {
  const d = head.inputSize;
  const s = head.standardize;
  for (let j = 0; j < d; j++) {
    const v = x[row * d + j]!;
    out[j] = s ? (v - s.mean[j]!) / s.scale[j]! : v;
  }
  return out;
}

/** Logits for one input vector. */
export function headLogits(head: Head, input: Float64Array, out: Float64Array): Float64Array {
  const k = head.classes;
  for (let c = 0; c < k; c++) out[c] = head.bias[c]!;
  for (let j = 0; j < head.inputSize; j++) {
    const v = input[j]!;
    if (v === 0) continue;
    const w = j * k;
    for (let c = 0; c < k; c++) out[c] = out[c]! + v * head.weights[w + c]!;
  }
  return out;
}

/** Activation of the head: element-wise sigmoid, or softmax (max-shifted for stability). */
export function activate(kind: HeadKind, logits: Float64Array, out: Float64Array): Float64Array {
  if (kind === "sigmoid") {
    for (let c = 0; c < logits.length; c++) out[c] = 1 / (1 + Math.exp(-logits[c]!));
    return out;
  }
  let max = -Infinity;
  for (const z of logits) max = Math.max(max, z);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    out[c] = Math.exp(logits[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < logits.length; c++) out[c] = out[c]! / sum;
  return out;
}

/** Head outputs for every row of X (n × inputSize): n × classes, row-major (raw sigmoid or softmax values). */
export function headOutputs(head: Head, x: Float32Array, n: number): Float64Array {
  if (x.length !== n * head.inputSize) {
    throw new Error(`head: expected ${n} × ${head.inputSize} inputs, got ${x.length} values`);
  }
  const out = new Float64Array(n * head.classes);
  const input = new Float64Array(head.inputSize);
  const logits = new Float64Array(head.classes);
  const probs = new Float64Array(head.classes);
  for (let i = 0; i < n; i++) {
    activate(head.kind, headLogits(head, headInput(head, x, i, input), logits), probs);
    out.set(probs, i * head.classes);
  }
  return out;
}

/** log σ(z), stable for large |z|. */
function logSigmoid(z: number): number {
  return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
}

/**
 * Probabilities that sum to 1 per row: softmax as is; sigmoid outputs divided by their sum, computed in log space
 * (σ(z_c) / Σ σ(z_j) = softmax of log σ(z)) so that saturated outputs (all σ = 0 in float64) still normalise.
 */
export function headProbabilities(head: Head, x: Float32Array, n: number): Float64Array {
  if (head.kind === "softmax") return headOutputs(head, x, n);
  if (x.length !== n * head.inputSize) {
    throw new Error(`head: expected ${n} × ${head.inputSize} inputs, got ${x.length} values`);
  }
  const k = head.classes;
  const out = new Float64Array(n * k);
  const input = new Float64Array(head.inputSize);
  const logits = new Float64Array(k);
  const logs = new Float64Array(k);
  const probs = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    headLogits(head, headInput(head, x, i, input), logits);
    for (let c = 0; c < k; c++) logs[c] = logSigmoid(logits[c]!);
    out.set(activate("softmax", logs, probs), i * k);
  }
  return out;
}

/** Effective per-input weights after standardisation (w / scale): what a class activation map multiplies. */
export function effectiveWeights(head: Head): Float64Array {
  const k = head.classes;
  const out = new Float64Array(head.weights.length);
  for (let j = 0; j < head.inputSize; j++) {
    const s = head.standardize ? head.standardize.scale[j]! : 1;
    for (let c = 0; c < k; c++) out[j * k + c] = head.weights[j * k + c]! / s;
  }
  return out;
}

export interface HeadJson {
  kind: HeadKind;
  inputSize: number;
  classes: string[];
  weights: number[];
  bias: number[];
  standardize: {mean: number[]; scale: number[]} | null;
}

export function headToJson(head: Head): HeadJson {
  return {
    kind: head.kind,
    inputSize: head.inputSize,
    classes: [...ResponseLabels],
    weights: [...head.weights],
    bias: [...head.bias],
    standardize: head.standardize ? {mean: [...head.standardize.mean], scale: [...head.standardize.scale]} : null,
  };
}

export function headFromJson(json: HeadJson, where: string): Head {
  const k = json.classes?.length;
  if (json.kind !== "sigmoid" && json.kind !== "softmax")
    throw new Error(`${where}: expected head kind sigmoid|softmax, got ${json.kind}`);
  if (k !== ResponseLabels.length || json.classes.some((c, i) => c !== ResponseLabels[i])) {
    throw new Error(`${where}: expected classes ${ResponseLabels.join(",")}, got ${json.classes}`);
  }
  if (json.weights?.length !== json.inputSize * k || json.bias?.length !== k) {
    throw new Error(
      `${where}: expected ${json.inputSize}×${k} weights and ${k} biases, got ${json.weights?.length} and ${json.bias?.length}`,
    );
  }
  const finite = (xs: number[]) => xs.every(Number.isFinite);
  if (!finite(json.weights) || !finite(json.bias)) throw new Error(`${where}: head weights must be finite numbers`);
  return {
    kind: json.kind,
    inputSize: json.inputSize,
    classes: k,
    weights: Float64Array.from(json.weights),
    bias: Float64Array.from(json.bias),
    standardize: json.standardize
      ? {mean: Float64Array.from(json.standardize.mean), scale: Float64Array.from(json.standardize.scale)}
      : null,
  };
}
