import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {Variant} from "../../src/components/study/vocabulary.js";
import type {LabelledEmbeddings} from "../train/trainHead.js";
import {refitHead} from "./refitHead.js";
import {type EmbeddedRows, selectRows} from "./selectRows.js";

/**
 * One bootstrap refit as a worker-pool task (runtime/workerPool.ts): the head refitted on rows `rows` (with repeats)
 * of the training embeddings and applied to the held-out rows, exactly as refitHead does in this thread. What is the
 * same for every replicate travels once per worker as `shared`; each task carries only its row list, and its
 * probabilities come back transferred.
 */
export interface RefitShared {
  name: string;
  train: LabelledEmbeddings;
  heldOut: EmbeddedRows;
  config: StudyConfig;
  variants: Variant[];
}

export function refitTask(task: {replicate: number; rows: number[]}, shared: RefitShared): Float64Array {
  const {name, train, heldOut, config, variants} = shared;
  return refitHead(
    `${name} ${task.replicate + 1}`,
    selectRows([{set: train, rows: task.rows}], variants),
    heldOut,
    config,
    variants,
  );
}
