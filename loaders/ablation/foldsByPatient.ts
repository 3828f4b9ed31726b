import {createRng} from "../../src/components/stats/random.js";
import {shuffle} from "../train/epochSchedule.js";

/**
 * k folds of a cohort's patches by patient, for cross-validation inside the training centre: every patch of a
 * patient falls in the same fold (patches of one tumour must never sit on both sides of a split), and patients are
 * dealt round-robin to the folds within each class after a seeded shuffle, so each fold holds about 1/k of every
 * class. Returns the fold (0…k−1) of every patch.
 */
export function foldsByPatient(
  patientIds: readonly string[],
  labels: ArrayLike<number>,
  k: number,
  seed: number,
): Int32Array {
  if (!(Number.isInteger(k) && k >= 2)) throw new RangeError(`foldsByPatient: expected k ≥ 2, got ${k}`);
  if (patientIds.length !== labels.length)
    throw new RangeError(`foldsByPatient: ${patientIds.length} patient ids for ${labels.length} labels`);
  const classOf = new Map<string, number>();
  patientIds.forEach((id, i) => {
    if (!classOf.has(id)) classOf.set(id, labels[i] as number);
  });
  if (classOf.size < k) throw new RangeError(`foldsByPatient: expected at least ${k} patients, got ${classOf.size}`);
  const rng = createRng(seed);
  const foldOf = new Map<string, number>();
  let next = 0;
  const classes = [...new Set(classOf.values())].sort((a, b) => a - b);
  for (const c of classes) {
    const members = shuffle(
      [...classOf.keys()].filter((id) => classOf.get(id) === c),
      rng,
    );
    for (const id of members) {
      foldOf.set(id, next);
      next = (next + 1) % k;
    }
  }
  return Int32Array.from(patientIds, (id) => foldOf.get(id) as number);
}
