// The bootstrap AUC interval as it was before sortedAuc (#26), frozen as the bench's "before" and the tests' reference:
// scores binned once, but every replicate drew one `rng.int` at a time into item weights and accumulated the AUC
// through a bin table in input order (three passes with random access). Not used by the workbench itself.
import {type AucKernel, aucKernel, type BootstrapCi} from "../src/components/stats/bootstrapAuc.js";
import {quantileSorted} from "../src/components/stats/quantile.js";
import {createRng, type Rng} from "../src/components/stats/random.js";
import {clusterDesign, itemDesign, type ResampleDesign} from "../src/components/stats/resample.js";

function drawWeightsBefore(design: ResampleDesign, rng: Rng, weights: Float64Array, clusterCounts: Uint32Array): void {
  clusterCounts.fill(0);
  for (const stratum of design.strata) {
    const k = stratum.length;
    for (let d = 0; d < k; d++) {
      const c = stratum[rng.int(k)] as number;
      clusterCounts[c] = (clusterCounts[c] as number) + 1;
    }
  }
  const {clusterOf} = design;
  for (let i = 0; i < design.size; i++) weights[i] = clusterCounts[clusterOf[i] as number] as number;
}

/** AUC = Σ_cases w·(W_controls below + ½ W_controls tied) / (W_cases · W_controls); NaN without a case or control. */
export function weightedAucBefore(kernel: AucKernel, weights: Float64Array, scratch: Float64Array): number {
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

function replicatesBefore(kernel: AucKernel, design: ResampleDesign, replicates: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const weights = new Float64Array(design.size);
  const counts = new Uint32Array(design.clusterCount);
  const scratch = new Float64Array(kernel.binCount);
  const out = new Float64Array(replicates);
  let kept = 0;
  for (let r = 0; r < replicates; r++) {
    drawWeightsBefore(design, rng, weights, counts);
    const a = weightedAucBefore(kernel, weights, scratch);
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

/** `bootstrapAucCi` before #26 (valid inputs with both classes only; no argument checks). */
export function bootstrapAucCiBefore(
  outcome: ArrayLike<number | boolean>,
  score: ArrayLike<number>,
  replicates = 2000,
  seed = 1,
  ciLevel = 0.95,
): BootstrapCi | null {
  const kernel = aucKernel(outcome, score);
  return summarize(replicatesBefore(kernel, itemDesign(kernel.isCase), replicates, seed), replicates, ciLevel);
}

/** `clusterBootstrapAucCi` before #26 (valid inputs with both classes only; no argument checks). */
export function clusterBootstrapAucCiBefore(
  outcome: ArrayLike<number | boolean>,
  score: ArrayLike<number>,
  cluster: ArrayLike<string | number>,
  replicates = 2000,
  seed = 1,
  ciLevel = 0.95,
): BootstrapCi | null {
  const kernel = aucKernel(outcome, score);
  const design = clusterDesign(cluster, kernel.isCase);
  return summarize(replicatesBefore(kernel, design, replicates, seed), replicates, ciLevel);
}
