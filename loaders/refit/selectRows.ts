import type {Variant} from "../../src/components/study/vocabulary.js";
import {InputSize} from "../train/trainHead.js";

/**
 * Rows of cached embeddings for a refit: the rows `rows` of one or more row sets, concatenated in order, for the
 * variants asked (or every variant of the first set). The one row selection of the refit toolkit: out-of-fold scores,
 * leave-one-centre-out folds, bootstrap samples and the ablation's budget folds all cut their training and held-out
 * rows with it.
 */
export interface EmbeddedRows {
  /** Per variant, n × 2048. */
  x: Map<Variant, Float32Array>;
  /** Class index 0..3 (CR, PR, SD, PD) per row. */
  labels: Int32Array;
}

export function selectRows(
  parts: ReadonlyArray<{set: EmbeddedRows; rows: readonly number[]}>,
  variants?: readonly Variant[],
): EmbeddedRows {
  const chosen = variants ?? [...(parts[0]?.set.x.keys() ?? [])];
  const n = parts.reduce((s, p) => s + p.rows.length, 0);
  const x = new Map<Variant, Float32Array>();
  for (const v of chosen) {
    const out = new Float32Array(n * InputSize);
    let at = 0;
    for (const {set, rows} of parts) {
      const source = set.x.get(v);
      if (!source) throw new Error(`selectRows: no ${v} embeddings`);
      for (const r of rows) {
        if (!(Number.isInteger(r) && r >= 0 && r < set.labels.length))
          throw new RangeError(`selectRows: row ${r} is out of range`);
        out.set(source.subarray(r * InputSize, (r + 1) * InputSize), at++ * InputSize);
      }
    }
    x.set(v, out);
  }
  const labels = new Int32Array(n);
  let at = 0;
  for (const {set, rows} of parts) for (const r of rows) labels[at++] = set.labels[r] as number;
  return {x, labels};
}
