import {headProbabilities} from "../../models/head.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {ResponseLabels, type Variant} from "../../src/components/study/vocabulary.js";
import {DefaultStandardizeFeatures} from "../train/runModel.js";
import {InputSize, type LabelledEmbeddings, trainHead} from "../train/trainHead.js";

/**
 * The head refitted on a subset of cached embeddings (rows of one or more cohorts), exactly as the model stage
 * trains it (the configuration's head, loss, optimiser, epochs, balancing and seeds), then applied to held-out rows'
 * identity embeddings. Used for the image model's out-of-fold scores and for leave-one-centre-out folds.
 */
export interface EmbeddedRows {
  /** Per variant, n × 2048. */
  x: Map<Variant, Float32Array>;
  labels: Int32Array;
}

export function labelIndices(labels: readonly string[], where: string): Int32Array {
  return Int32Array.from(labels, (l, i) => {
    const k = (ResponseLabels as readonly string[]).indexOf(l);
    if (k < 0) throw new Error(`${where}, row ${i + 1}: expected a label in ${ResponseLabels.join("|")}, got ${l}`);
    return k;
  });
}

/** Rows `rows` of several row sets, concatenated, for the variants given. */
export function selectRows(
  parts: ReadonlyArray<{set: EmbeddedRows; rows: readonly number[]}>,
  variants: readonly Variant[],
): EmbeddedRows {
  const n = parts.reduce((s, p) => s + p.rows.length, 0);
  const x = new Map<Variant, Float32Array>();
  for (const v of variants) {
    const out = new Float32Array(n * InputSize);
    let at = 0;
    for (const {set, rows} of parts) {
      const source = set.x.get(v);
      if (!source) throw new Error(`refitHead: no ${v} embeddings`);
      for (const r of rows) out.set(source.subarray(r * InputSize, (r + 1) * InputSize), at++ * InputSize);
    }
    x.set(v, out);
  }
  const labels = new Int32Array(n);
  let at = 0;
  for (const {set, rows} of parts) for (const r of rows) labels[at++] = set.labels[r] as number;
  return {x, labels};
}

export function refitHead(
  name: string,
  train: EmbeddedRows,
  test: EmbeddedRows,
  config: StudyConfig,
  variants: readonly Variant[],
): Float64Array {
  const training: LabelledEmbeddings = {name, x: train.x, labels: train.labels};
  const {head} = trainHead(training, [], {
    model: config.model,
    augmentation: {...config.augmentation, variants: [...variants]},
    seeds: config.seeds,
    standardize: DefaultStandardizeFeatures,
    recordCurves: false,
  });
  const x = test.x.get("identity");
  if (!x) throw new Error(`refitHead ${name}: the held-out rows have no identity embeddings`);
  return headProbabilities(head, x, test.labels.length);
}
