import {assertSameLength} from "./assertFinite.js";
import {splitBinary} from "./binaryData.js";
import {checkLevel} from "./delong.js";
import {quantileSorted} from "./quantile.js";
import {createRng} from "./random.js";
import {sortedOrder} from "./rank.js";
import {
  clusterDesign,
  drawCounts,
  drawWeights,
  isItemDesign,
  itemDesign,
  permuteDesign,
  type ResampleDesign,
} from "./resample.js";
import {countsAuc, type SortedAuc, sortedAuc} from "./sortedAuc.js";

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

/** Scores binned by distinct value (bin 0 the lowest), with each item's class: the ROC band's per-replicate curve. */
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

/**
 * The replicate AUCs (sorted ascending, failed replicates removed) under `design` (over the items in input order).
 * The scores were sorted once (`sorted`); each replicate draws counts over the sorted positions and its AUC is one
 * linear pass (`countsAuc`), exact, so the same seed gives the same replicates as any exact AUC of the same draws.
 */
export function bootstrapAucReplicates(
  sorted: SortedAuc,
  design: ResampleDesign,
  replicates: number,
  seed: number,
): Float64Array {
  const rng = createRng(seed);
  const bySorted = permuteDesign(design, sorted.position);
  const counts = new Uint32Array(bySorted.clusterCount);
  // An item design's cluster counts are the weights of the sorted positions; a cluster design spreads them.
  const weights = isItemDesign(bySorted) ? null : new Uint32Array(bySorted.size);
  const out = new Float64Array(replicates);
  let kept = 0;
  for (let r = 0; r < replicates; r++) {
    if (weights) drawWeights(bySorted, rng, weights, counts);
    else drawCounts(bySorted, rng, counts);
    const a = countsAuc(sorted, weights ?? counts);
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
  const sorted = sortedAuc(outcome, score);
  if (!hasBothClasses(sorted)) return null;
  const design = itemDesign(caseFlags(outcome));
  return summarize(bootstrapAucReplicates(sorted, design, replicates, seed), replicates, ciLevel);
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
  const sorted = sortedAuc(outcome, score);
  if (!hasBothClasses(sorted)) return null;
  const design = clusterDesign(cluster, caseFlags(outcome));
  return summarize(bootstrapAucReplicates(sorted, design, replicates, seed), replicates, ciLevel);
}

function hasBothClasses(sorted: SortedAuc): boolean {
  return sorted.cases > 0 && sorted.cases < sorted.size;
}

/** 1 for a case, 0 for a control, per item in input order (the strata of the case/control bootstrap). */
function caseFlags(outcome: ArrayLike<number | boolean>): Uint8Array {
  const flags = new Uint8Array(outcome.length);
  for (let i = 0; i < outcome.length; i++) flags[i] = outcome[i] === 1 || outcome[i] === true ? 1 : 0;
  return flags;
}
