import {assertSameLength} from "./assertFinite.js";
import {splitBinary} from "./binaryData.js";
import {checkLevel} from "./delong.js";
import {quantileSorted} from "./quantile.js";
import {createRng} from "./random.js";
import {sortedOrder} from "./rank.js";
import {clusterDesign, drawWeights, itemDesign, type ResampleDesign} from "./resample.js";

export interface BootstrapOptions {
  /** Number of bootstrap replicates (pROC default 2000; the paper used 1000). */
  replicates?: number;
  /** Seed of the PRNG (`createRng`). */
  seed?: number;
  /** Confidence level, default 0.95. */
  ciLevel?: number;
}

export interface BootstrapCi {
  /** Percentile interval: type-7 quantiles (1 ∓ level)/2 of the replicate AUCs (pROC `ci.auc(method = "bootstrap")`). */
  ci: [number, number];
  /** Median of the replicate AUCs. */
  median: number;
  /** Replicates that produced an AUC. */
  replicates: number;
  /** Replicates without a case or without a control (possible only with clusters mixing outcomes), ignored. */
  dropped: number;
}

/**
 * Scores binned by distinct value, so that a replicate's AUC is one O(n + k) pass over item weights:
 * AUC = Σ_cases w·(W_controls below + ½ W_controls tied) / (W_cases · W_controls).
 */
export interface AucKernel {
  size: number;
  bin: Uint32Array;
  binCount: number;
  isCase: Uint8Array;
}

export function aucKernel(outcome: ArrayLike<number | boolean>, score: ArrayLike<number>): AucKernel {
  splitBinary(outcome, score); // validation only
  const order = sortedOrder(score);
  const bin = new Uint32Array(score.length);
  let k = -1;
  let previous = Number.NaN;
  for (const i of order) {
    const v = score[i] as number;
    if (v !== previous) {
      k++;
      previous = v;
    }
    bin[i] = k;
  }
  const isCase = new Uint8Array(score.length);
  for (let i = 0; i < score.length; i++) isCase[i] = outcome[i] === 1 || outcome[i] === true ? 1 : 0;
  return {size: score.length, bin, binCount: k + 1, isCase};
}

/** The AUC for item weights (NaN when the weighted cases or controls are empty); `scratch` has length binCount. */
export function weightedAuc(kernel: AucKernel, weights: Float64Array, scratch: Float64Array): number {
  const {bin, isCase, size} = kernel;
  scratch.fill(0);
  let wControls = 0;
  for (let i = 0; i < size; i++) {
    if (isCase[i] === 0) {
      const w = weights[i] as number;
      const b = bin[i] as number;
      scratch[b] = (scratch[b] as number) + w;
      wControls += w;
    }
  }
  // scratch[b] := W_controls strictly below bin b + ½ W_controls in bin b
  let below = 0;
  for (let b = 0; b < scratch.length; b++) {
    const at = scratch[b] as number;
    scratch[b] = below + at / 2;
    below += at;
  }
  let wCases = 0;
  let sum = 0;
  for (let i = 0; i < size; i++) {
    if (isCase[i] === 1) {
      const w = weights[i] as number;
      sum += w * (scratch[bin[i] as number] as number);
      wCases += w;
    }
  }
  return wCases > 0 && wControls > 0 ? sum / (wCases * wControls) : Number.NaN;
}

/** The replicate AUCs (sorted ascending, failed replicates removed) of `kernel` under `design`. */
export function bootstrapAucReplicates(
  kernel: AucKernel,
  design: ResampleDesign,
  replicates: number,
  seed: number,
): Float64Array {
  const rng = createRng(seed);
  const weights = new Float64Array(design.size);
  const counts = new Uint32Array(design.clusterCount);
  const scratch = new Float64Array(kernel.binCount);
  const out = new Float64Array(replicates);
  let kept = 0;
  for (let r = 0; r < replicates; r++) {
    drawWeights(design, rng, weights, counts);
    const a = weightedAuc(kernel, weights, scratch);
    if (!Number.isNaN(a)) out[kept++] = a;
  }
  return out.subarray(0, kept).sort();
}

function summarize(sorted: Float64Array, replicates: number, ciLevel: number): BootstrapCi | null {
  if (sorted.length === 0) return null;
  const alpha = (1 - ciLevel) / 2;
  return {
    ci: [quantileSorted(sorted, alpha) as number, quantileSorted(sorted, 1 - alpha) as number],
    median: quantileSorted(sorted, 0.5) as number,
    replicates: sorted.length,
    dropped: replicates - sorted.length,
  };
}

function checkReplicates(replicates: number): void {
  if (!Number.isInteger(replicates) || replicates < 1) {
    throw new RangeError(`replicates must be a positive integer, not ${replicates}`);
  }
}

/**
 * Stratified percentile bootstrap CI of the AUC (pROC `ci.auc(roc, method = "bootstrap", boot.n, boot.stratified =
 * TRUE)`): cases and controls are resampled separately with replacement, so every replicate has both. Seeded (a
 * different generator from R's, so intervals agree with pROC only within Monte-Carlo error). Single class → null.
 * NaN scores → RangeError. Defaults: 2000 replicates, seed 1, level 0.95.
 */
export function bootstrapAucCi(
  outcome: ArrayLike<number | boolean>,
  score: ArrayLike<number>,
  {replicates = 2000, seed = 1, ciLevel = 0.95}: BootstrapOptions = {},
): BootstrapCi | null {
  checkReplicates(replicates);
  checkLevel(ciLevel);
  const kernel = aucKernel(outcome, score);
  if (!hasBothClasses(kernel)) return null;
  const design = itemDesign(kernel.isCase);
  return summarize(bootstrapAucReplicates(kernel, design, replicates, seed), replicates, ciLevel);
}

/**
 * Patient-cluster bootstrap CI of a patch-level AUC: patients are resampled with replacement within strata of their
 * label (the outcome of their first patch), each drawn patient bringing all their patches. This respects the
 * correlation between patches of one patient, which the naive patch bootstrap (`bootstrapAucCi` on patches, the
 * paper's) ignores. Replicates lacking a case or a control patch are dropped and counted. Single class → null.
 */
export function clusterBootstrapAucCi(
  outcome: ArrayLike<number | boolean>,
  score: ArrayLike<number>,
  cluster: ArrayLike<string | number>,
  {replicates = 2000, seed = 1, ciLevel = 0.95}: BootstrapOptions = {},
): BootstrapCi | null {
  checkReplicates(replicates);
  checkLevel(ciLevel);
  assertSameLength(outcome, cluster, "outcome and cluster");
  const kernel = aucKernel(outcome, score);
  if (!hasBothClasses(kernel)) return null;
  const design = clusterDesign(cluster, kernel.isCase);
  return summarize(bootstrapAucReplicates(kernel, design, replicates, seed), replicates, ciLevel);
}

function hasBothClasses(kernel: AucKernel): boolean {
  let m = 0;
  for (let i = 0; i < kernel.size; i++) m += kernel.isCase[i] as number;
  return m > 0 && m < kernel.size;
}
