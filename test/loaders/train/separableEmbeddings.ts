import {createRng} from "../../../src/components/stats/random.js";
import type {Variant} from "../../../src/components/study/vocabulary.js";

/**
 * Separable synthetic embeddings (seeded): `counts[c]` rows of class c, each lighting up features [c·16, c·16 + 16)
 * over sparse non-negative noise, like avg_pool outputs. One 2048-wide matrix per variant, rows in class order.
 */
export function separableEmbeddings(
  counts: number[],
  seed: number,
  variants: Variant[] = ["identity", "flipH"],
): {x: Map<Variant, Float32Array>; labels: Int32Array} {
  const rng = createRng(seed);
  const labels = Int32Array.from(counts.flatMap((n, c) => Array<number>(n).fill(c)));
  const x = new Map<Variant, Float32Array>();
  for (const v of variants) {
    const m = new Float32Array(labels.length * 2048);
    labels.forEach((c, i) => {
      for (let j = 0; j < 2048; j++) m[i * 2048 + j] = rng.next() < 0.2 ? rng.next() : 0;
      for (let j = c * 16; j < c * 16 + 16; j++) m[i * 2048 + j] = 2 + rng.next();
    });
    x.set(v, m);
  }
  return {x, labels};
}
