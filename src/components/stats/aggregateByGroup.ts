import type {Aggregation} from "../study/vocabulary.js";
import {indicesByKey} from "./indicesByKey.js";
import {meanByGroup} from "./objectiveResponse.js";
import {quantileSorted} from "./quantile.js";

/**
 * A patient's probability vector from its patches' (evaluation.aggregation): the component-wise mean (default, the
 * vector `meanByGroup` gives), median or maximum. A median or maximum vector no longer sums to 1, so it is divided by
 * its sum: the patient-level class probabilities, accuracy (argmax) and P(CR) + P(PR) then stay on the probability
 * scale calibration and net benefit need. Groups in first-seen order, as `meanByGroup`.
 */
export function aggregateByGroup(
  keys: ArrayLike<string>,
  vectors: ReadonlyArray<ArrayLike<number>>,
  aggregation: Aggregation = "mean",
): Array<{key: string; mean: number[]; count: number; first: number}> {
  const groups = meanByGroup(keys, vectors);
  if (aggregation === "mean") return groups;
  const members = indicesByKey(keys);
  return groups.map((g) => {
    const rows = members.get(g.key) as number[];
    const combined = g.mean.map((_, j) => {
      const values = rows.map((i) => (vectors[i] as ArrayLike<number>)[j] as number);
      if (aggregation === "max") return Math.max(...values);
      return quantileSorted(Float64Array.from(values).sort(), 0.5) as number;
    });
    const sum = combined.reduce((s, v) => s + v, 0);
    return {...g, mean: sum > 0 ? combined.map((v) => v / sum) : combined};
  });
}
