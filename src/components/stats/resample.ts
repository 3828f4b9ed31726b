import {indicesByKey} from "./indicesByKey.js";
import type {Rng} from "./random.js";

/**
 * A bootstrap design: items grouped into clusters, clusters grouped into strata. One replicate draws, within each
 * stratum, as many clusters as the stratum holds, uniformly with replacement; an item's weight is the number of
 * times its cluster was drawn.
 * - Stratified case/control bootstrap (pROC's default `stratified = TRUE`): every item its own cluster, strata =
 *   outcome.
 * - Patient-cluster bootstrap: clusters = patients, strata = patient label; all of a patient's patches go together.
 */
export interface ResampleDesign {
  /** Number of items (e.g. patches). */
  size: number;
  /** Cluster index of each item, 0…clusterCount−1. */
  clusterOf: Uint32Array;
  clusterCount: number;
  /** The cluster indices of each stratum. Every cluster is in exactly one stratum. */
  strata: Uint32Array[];
}

/** Every item is its own cluster; strata given per item (e.g. the binary outcome). */
export function itemDesign(stratumOf: ArrayLike<number>): ResampleDesign {
  const size = stratumOf.length;
  const clusterOf = new Uint32Array(size);
  for (let i = 0; i < size; i++) clusterOf[i] = i;
  return {size, clusterOf, clusterCount: size, strata: groupIndices(stratumOf)};
}

/**
 * Items grouped by `clusterKey` (e.g. patient id); a cluster's stratum is `stratumOf` of its first item (for a
 * patient-level label all items agree).
 */
export function clusterDesign(clusterKey: ArrayLike<string | number>, stratumOf: ArrayLike<number>): ResampleDesign {
  const size = clusterKey.length;
  if (stratumOf.length !== size) throw new RangeError("clusterKey and stratumOf must have the same length");
  const index = new Map<string | number, number>();
  const clusterOf = new Uint32Array(size);
  const clusterStratum: number[] = [];
  for (let i = 0; i < size; i++) {
    const key = clusterKey[i] as string | number;
    let c = index.get(key);
    if (c === undefined) {
      c = index.size;
      index.set(key, c);
      clusterStratum.push(stratumOf[i] as number);
    }
    clusterOf[i] = c;
  }
  return {size, clusterOf, clusterCount: index.size, strata: groupIndices(clusterStratum)};
}

function groupIndices(keys: ArrayLike<number>): Uint32Array[] {
  const groups = indicesByKey(keys);
  return [...groups.keys()].sort((a, b) => a - b).map((k) => Uint32Array.from(groups.get(k) as number[]));
}

/**
 * Fills `weights` (length design.size) with the item weights of one bootstrap replicate drawn from `rng`, using
 * `clusterCounts` (length design.clusterCount) as scratch. Deterministic given the rng state.
 */
export function drawWeights(design: ResampleDesign, rng: Rng, weights: Float64Array, clusterCounts: Uint32Array): void {
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
