import {headProbabilities} from "../../models/head.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {Variant} from "../../src/components/study/vocabulary.js";
import {DefaultStandardizeFeatures} from "../train/runModel.js";
import {type LabelledEmbeddings, trainHead} from "../train/trainHead.js";
import type {EmbeddedRows} from "./selectRows.js";

/**
 * The head refitted on a subset of cached embeddings (rows of one or more cohorts, cut by selectRows), exactly as the
 * model stage trains it (the configuration's head, loss, optimiser, epochs, balancing and seeds), then applied to
 * held-out rows' identity embeddings. Used for the image model's out-of-fold scores, leave-one-centre-out folds and
 * the optimism bootstrap.
 */
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
