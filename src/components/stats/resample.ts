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

/** Draws are taken from the generator in chunks of this many (`rng.ints`); the stream is the same as one at a time. */
const chunk = new Uint32Array(4096);

/**
 * Fills `clusterCounts` (length design.clusterCount) with the number of times each cluster is drawn in one bootstrap
 * replicate from `rng`: within each stratum, in order, stratum.length draws of `rng.int(stratum.length)`.
 */
export function drawCounts(design: ResampleDesign, rng: Rng, clusterCounts: Uint32Array): void {
  clusterCounts.fill(0);
  for (const stratum of design.strata) {
    const k = stratum.length;
    for (let done = 0; done < k; done += chunk.length) {
      const draws = k - done >= chunk.length ? chunk : chunk.subarray(0, k - done);
      rng.ints(k, draws);
      for (let d = 0; d < draws.length; d++) {
        const c = stratum[draws[d] as number] as number;
        clusterCounts[c] = (clusterCounts[c] as number) + 1;
      }
    }
  }
}

/**
 * Fills `weights` (length design.size) with the item weights of one bootstrap replicate drawn from `rng`, using
 * `clusterCounts` (length design.clusterCount) as scratch. Deterministic given the rng state.
 */
export function drawWeights(
  design: ResampleDesign,
  rng: Rng,
  weights: Float64Array | Uint32Array,
  clusterCounts: Uint32Array,
): void {
  drawCounts(design, rng, clusterCounts);
  const {clusterOf} = design;
  for (let i = 0; i < design.size; i++) weights[i] = clusterCounts[clusterOf[i] as number] as number;
}

/** Whether every item is its own cluster, numbered as the item (`itemDesign`). */
export function isItemDesign(design: ResampleDesign): boolean {
  if (design.clusterCount !== design.size) return false;
  for (let i = 0; i < design.size; i++) if (design.clusterOf[i] !== i) return false;
  return true;
}

/**
 * The same design with item i renumbered `position[i]` (a permutation, e.g. the items' sorted order). An item design
 * stays one, its clusters renumbered with their items, so its cluster counts are the item weights in the new order;
 * other designs keep their cluster numbers. Either way a replicate draws the same items from the same rng stream.
 */
export function permuteDesign(design: ResampleDesign, position: Uint32Array): ResampleDesign {
  const {size, clusterCount} = design;
  const clusterOf = new Uint32Array(size);
  if (isItemDesign(design)) {
    for (let i = 0; i < size; i++) clusterOf[i] = i;
    const strata = design.strata.map((s) => s.map((i) => position[i] as number));
    return {size, clusterOf, clusterCount, strata};
  }
  for (let i = 0; i < size; i++) clusterOf[position[i] as number] = design.clusterOf[i] as number;
  return {size, clusterOf, clusterCount, strata: design.strata};
}
