import {createRng} from "./random.js";

/**
 * Fold of each item for k-fold cross-validation, stratified by class: within each class the items are shuffled
 * (seeded Fisher–Yates) and dealt to folds in turn, continuing where the previous class stopped, so every fold gets
 * about n_c/k of every class and the fold sizes differ by at most one. Used for the ridge λ search and for the image
 * model's out-of-fold scores (items = patients, so a patient's patches never straddle folds).
 */
export function stratifiedFolds(classes: ArrayLike<number>, folds: number, seed: number): Int32Array {
  const n = classes.length;
  if (!(Number.isInteger(folds) && folds >= 2)) throw new RangeError(`folds must be an integer ≥ 2, not ${folds}`);
  if (folds > n) throw new RangeError(`folds (${folds}) must not exceed the number of items (${n})`);
  const rng = createRng(seed);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = classes[i] as number;
    const list = byClass.get(c) ?? [];
    list.push(i);
    byClass.set(c, list);
  }
  const out = new Int32Array(n);
  let next = 0;
  for (const c of [...byClass.keys()].sort((a, b) => a - b)) {
    const items = byClass.get(c) as number[];
    for (let i = items.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [items[i], items[j]] = [items[j] as number, items[i] as number];
    }
    for (const i of items) {
      out[i] = next;
      next = (next + 1) % folds;
    }
  }
  return out;
}
