import type {PatchSet} from "../../../loaders/imaging/patchSet.js";
import {InputSize, type LabelledEmbeddings} from "../../../loaders/train/trainHead.js";
import {createRng} from "../../../src/components/stats/random.js";
import {ResponseLabels, type Variant} from "../../../src/components/study/vocabulary.js";

/**
 * A small study for the ablation tests: per cohort, patients with 2 patches each, labels by `counts`, and sparse
 * non-negative embeddings where class c lights up features [c·16, c·16 + 16) with strength `signal`.
 */
export function ladderCohort(
  name: string,
  counts: number[],
  seed: number,
  variants: Variant[],
  signal = 1,
): {set: PatchSet; embedded: LabelledEmbeddings} {
  const rng = createRng(seed);
  const records: Array<{patchId: string; patientId: string; cohort: string; label: (typeof ResponseLabels)[number]}> =
    [];
  counts.forEach((n, c) => {
    for (let p = 0; p < n; p++)
      for (let k = 0; k < 2; k++)
        records.push({
          patchId: `${name}-${c}-${p}-${k}`,
          patientId: `${name}-${c}-${p}`,
          cohort: name,
          label: ResponseLabels[c]!,
        });
  });
  const labels = Int32Array.from(records, (r) => ResponseLabels.indexOf(r.label));
  const x = new Map<Variant, Float32Array>();
  for (const v of variants) {
    const m = new Float32Array(records.length * InputSize);
    labels.forEach((c, i) => {
      for (let j = 0; j < 128; j++) m[i * InputSize + j] = rng.next() < 0.3 ? rng.next() : 0;
      for (let j = c * 16; j < c * 16 + 16; j++)
        m[i * InputSize + j] = (m[i * InputSize + j] as number) + signal * rng.next();
    });
    x.set(v, m);
  }
  // Only the fields the ablation reads; the pixels are never touched (embeddings are given).
  const set = {cohort: name, sizePx: 224, records, pixels: new Uint8Array(0)} as unknown as PatchSet;
  return {set, embedded: {name, x, labels}};
}
