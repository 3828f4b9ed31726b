import {stratifiedFolds} from "../../src/components/stats/stratifiedFolds.js";

/**
 * k folds of a cohort's patches by patient, for cross-validation inside the training centre: every patch of a
 * patient falls in the same fold (patches of one tumour must never sit on both sides of a split). The patients, in
 * first-seen order with their class, are dealt to folds by stratifiedFolds — the assigner the clinical baseline's
 * stage's out-of-fold scores use — so each fold holds about 1/k of every class. Returns the fold (0…k−1) of every patch.
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
  const patientFold = stratifiedFolds([...classOf.values()], k, seed);
  const foldOf = new Map([...classOf.keys()].map((id, i) => [id, patientFold[i] as number]));
  return Int32Array.from(patientIds, (id) => foldOf.get(id) as number);
}
