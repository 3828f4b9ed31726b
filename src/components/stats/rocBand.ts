import {assertSameLength} from "./assertFinite.js";
import {aucKernel} from "./bootstrapAuc.js";
import {checkLevel} from "./delong.js";
import {quantileSorted} from "./quantile.js";
import {createRng} from "./random.js";
import {clusterDesign, drawWeights, itemDesign} from "./resample.js";

export interface RocBandOptions {
  /** Bootstrap replicates (0 → []). */
  replicates: number;
  seed: number;
  ciLevel?: number;
  /** Specificities at which the band is evaluated; default 0, 0.02, …, 1. */
  specificities?: readonly number[];
  /** Cluster (patient) of each item: resample clusters (stratified by outcome) instead of items. */
  clusters?: ArrayLike<string | number>;
}

export interface RocBandPoint {
  specificity: number;
  lower: number;
  upper: number;
}

/** Highest sensitivity with specificity ≥ s on the weighted empirical ROC curve, for every s in `grid` (ascending). */
function sensitivityAt(
  bin: Uint32Array,
  isCase: Uint8Array,
  binCount: number,
  weights: Float64Array,
  grid: readonly number[],
  caseW: Float64Array,
  controlW: Float64Array,
  out: Float64Array,
): boolean {
  caseW.fill(0);
  controlW.fill(0);
  let totalCases = 0;
  let totalControls = 0;
  for (let i = 0; i < bin.length; i++) {
    const w = weights[i] as number;
    if (w === 0) continue;
    const b = bin[i] as number;
    if (isCase[i] === 1) {
      caseW[b] = (caseW[b] as number) + w;
      totalCases += w;
    } else {
      controlW[b] = (controlW[b] as number) + w;
      totalControls += w;
    }
  }
  if (totalCases === 0 || totalControls === 0) return false;
  // Threshold index t = 0…binCount: items in bins ≥ t are called positive. Specificity rises and sensitivity falls
  // with t, so the best sensitivity at specificity ≥ s is at the smallest t reaching s.
  let t = 0;
  let controlsBelow = 0;
  let casesBelow = 0;
  for (let k = 0; k < grid.length; k++) {
    const s = grid[k] as number;
    while (t < binCount && controlsBelow / totalControls < s - 1e-12) {
      controlsBelow += controlW[t] as number;
      casesBelow += caseW[t] as number;
      t++;
    }
    out[k] = 1 - casesBelow / totalCases;
  }
  return true;
}

/**
 * Bootstrap confidence band of the ROC curve: sensitivity at fixed specificities (as pROC `ci.se`), percentile
 * interval (type-7 quantiles) over `replicates` resamples stratified by outcome; with `clusters`, whole clusters are
 * resampled (the patient-cluster bootstrap). At each specificity s the sensitivity of a replicate is the highest one
 * reached with specificity ≥ s (the step ROC curve). Replicates without a case or a control are skipped.
 * No cases or no controls, or replicates = 0 → []. NaN → RangeError naming the index.
 */
export function rocBand(
  outcome: ArrayLike<number | boolean>,
  score: ArrayLike<number>,
  options: RocBandOptions,
): RocBandPoint[] {
  const {replicates, seed, ciLevel = 0.95, clusters} = options;
  checkLevel(ciLevel);
  const grid = [...(options.specificities ?? Array.from({length: 51}, (_, i) => i / 50))].sort((a, b) => a - b);
  const kernel = aucKernel(outcome, score);
  const strata = Array.from(kernel.isCase);
  if (!strata.includes(1) || !strata.includes(0) || replicates <= 0) return [];
  if (clusters) assertSameLength(outcome, clusters, "outcome and clusters");
  const design = clusters ? clusterDesign(clusters, strata) : itemDesign(strata);
  const rng = createRng(seed);
  const weights = new Float64Array(design.size);
  const counts = new Uint32Array(design.clusterCount);
  const caseW = new Float64Array(kernel.binCount);
  const controlW = new Float64Array(kernel.binCount);
  const row = new Float64Array(grid.length);
  const samples = grid.map(() => new Float64Array(replicates));
  let kept = 0;
  for (let r = 0; r < replicates; r++) {
    drawWeights(design, rng, weights, counts);
    if (!sensitivityAt(kernel.bin, kernel.isCase, kernel.binCount, weights, grid, caseW, controlW, row)) continue;
    for (let k = 0; k < grid.length; k++) (samples[k] as Float64Array)[kept] = row[k] as number;
    kept++;
  }
  if (kept === 0) return [];
  const alpha = (1 - ciLevel) / 2;
  return grid.map((specificity, k) => {
    const s = (samples[k] as Float64Array).subarray(0, kept).sort();
    return {specificity, lower: quantileSorted(s, alpha) as number, upper: quantileSorted(s, 1 - alpha) as number};
  });
}
