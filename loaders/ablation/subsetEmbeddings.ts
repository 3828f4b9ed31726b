import type {Variant} from "../../src/components/study/vocabulary.js";
import {InputSize, type LabelledEmbeddings} from "../train/trainHead.js";

/** The rows `indices` of a cohort's embeddings (every variant it has, or only `variants`), as a new set. */
export function subsetEmbeddings(
  set: LabelledEmbeddings,
  indices: readonly number[],
  name: string,
  variants?: readonly Variant[],
): LabelledEmbeddings {
  const x = new Map<Variant, Float32Array>();
  for (const [variant, matrix] of set.x) {
    if (variants && !variants.includes(variant)) continue;
    const out = new Float32Array(indices.length * InputSize);
    indices.forEach((i, k) => {
      if (!(i >= 0 && i < set.labels.length)) throw new RangeError(`subsetEmbeddings: row ${i} is out of range`);
      out.set(matrix.subarray(i * InputSize, (i + 1) * InputSize), k * InputSize);
    });
    x.set(variant, out);
  }
  return {name, x, labels: Int32Array.from(indices, (i) => set.labels[i] as number)};
}
