import {argmax} from "../../src/components/stats/confusionMatrix.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import type {PatchRecord} from "../imaging/patchSet.js";

/** Which patches make the gallery of Fig 4 (and get a class activation map). */

/** Per cohort and true class: up to 3 correct and 3 misclassified patches, most confident first. */
export function defaultGallery(records: PatchRecord[], probabilities: Float64Array, perKind = 3): string[] {
  const predicted = records.map((_, i) => argmax(probabilities.subarray(i * 4, i * 4 + 4)));
  const ids: string[] = [];
  ResponseLabels.forEach((label, c) => {
    const members = records.map((r, i) => ({r, i})).filter(({r}) => r.label === label);
    const byConfidence = (a: {i: number}, b: {i: number}) =>
      probabilities[b.i * 4 + predicted[b.i]!]! - probabilities[a.i * 4 + predicted[a.i]!]! || a.i - b.i;
    const correct = members
      .filter(({i}) => predicted[i] === c)
      .sort(byConfidence)
      .slice(0, perKind);
    const wrong = members
      .filter(({i}) => predicted[i] !== c)
      .sort(byConfidence)
      .slice(0, perKind);
    for (const {r} of [...correct, ...wrong]) ids.push(r.patchId);
  });
  return ids;
}
