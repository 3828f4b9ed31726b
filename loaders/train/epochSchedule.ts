import type {Rng} from "../../src/components/stats/random.js";
import type {Balancing, Variant} from "../../src/components/study/vocabulary.js";

/**
 * Which (patch, variant) pairs one training epoch visits, before shuffling.
 * - "oversample" (the paper's balancing by augmentation): every class is drawn up to the largest class's count:
 *   all of its patches once, plus (largest − own count) patches drawn uniformly with replacement; every entry gets a
 *   variant drawn uniformly from `variants` (augmentation seed).
 * - "classWeights" and "none": natural prevalence, every patch in every variant once (the loss weights, if any, are
 *   applied by the trainer).
 */
export interface Visit {
  index: number;
  variant: Variant;
}

export function epochVisits(
  labels: Int32Array,
  classes: number,
  variants: readonly Variant[],
  balancing: Balancing,
  rng: Rng,
): Visit[] {
  if (variants.length === 0) throw new Error("epochVisits: expected at least one variant, got none");
  if (balancing !== "oversample") {
    const visits: Visit[] = [];
    for (const variant of variants) for (let i = 0; i < labels.length; i++) visits.push({index: i, variant});
    return visits;
  }
  const byClass: number[][] = Array.from({length: classes}, () => []);
  labels.forEach((c, i) => {
    byClass[c]!.push(i);
  });
  const largest = Math.max(...byClass.map((m) => m.length));
  const visits: Visit[] = [];
  for (const members of byClass) {
    if (members.length === 0) continue;
    const drawn = [...members];
    while (drawn.length < largest) drawn.push(members[rng.int(members.length)]!);
    for (const index of drawn) visits.push({index, variant: variants[rng.int(variants.length)]!});
  }
  return visits;
}

/** Fisher–Yates shuffle in place. */
export function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** sklearn's "balanced" weights N / (K · n_c) over the classes present; absent classes get 0. */
export function classWeights(labels: Int32Array, classes: number): Float64Array {
  const counts = new Float64Array(classes);
  for (const c of labels) counts[c]! += 1;
  const present = counts.filter((n) => n > 0).length;
  return counts.map((n) => (n > 0 ? labels.length / (present * n) : 0));
}
