import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {Protocol} from "../../src/components/study/vocabulary.js";

/**
 * What each pipeline stage's cache key hashes (the stage modules of loaders/pipeline pass these to the artifact cache),
 * in one place so a test can show which configuration leaves reach which stage
 * (test/loaders/config/configLeaves.test.ts). A key holds exactly the configuration its stage reads, the upstream
 * stage's key and the stage's code version.
 */
export interface StageCode {
  demo: string;
  preprocess: string;
  model: string;
  evaluate: string;
}

/** The built-in demo study (only when study.manifest is null). */
export function demoKey(config: StudyConfig, code: Pick<StageCode, "demo">) {
  const {scale, seed} = config.study.demo;
  return {scale, seed, code: code.demo};
}

/**
 * clinical.columns decides which manifest columns are read (and whether the manifest is accepted at all). `contexts`
 * false: a run without the gallery's context crops (the geometry-sensitivity runs), keyed apart from the main run.
 */
export function preprocessKey(
  config: StudyConfig,
  dataHash: string,
  code: Pick<StageCode, "preprocess">,
  contexts = true,
) {
  return {
    dataHash,
    imaging: config.imaging,
    patches: config.patches,
    clinical: config.clinical,
    code: code.preprocess,
    ...(contexts ? {} : {contexts: false}),
  };
}

/**
 * One protocol's head on the cached embeddings. The engine and tfjs backend are left out: they change how the
 * embeddings are computed, not what they are (the embeddings cache is keyed per engine and weights instead). The
 * int8 engine is the exception: its embeddings are not FP32's, so "onnx-int8" is in the key (every other engine's
 * key is unchanged by it).
 */
export function modelKey(
  protocolConfig: StudyConfig,
  protocol: Protocol,
  preprocess: string,
  code: Pick<StageCode, "model">,
) {
  return {
    preprocess,
    protocol,
    model: {
      ...protocolConfig.model,
      engine: protocolConfig.model.engine === "onnx-int8" ? "onnx-int8" : undefined,
      backend: undefined,
    },
    augmentation: protocolConfig.augmentation,
    seeds: protocolConfig.seeds,
    cohorts: protocolConfig.cohorts,
    code: code.model,
  };
}

export function evaluateKey(protocolConfig: StudyConfig, model: string, code: Pick<StageCode, "evaluate">) {
  return {model, evaluation: protocolConfig.evaluation, seed: protocolConfig.seeds.bootstrap, code: code.evaluate};
}

/**
 * Harrell's optimism of one protocol's in-sample metrics (loaders/optimism/): it refits that protocol's head, so it is
 * keyed by the model stage's key (configuration, patches, seeds) with the replicates, seed and aggregation it adds
 * (its code version is added by the analysis runner, loaders/analysis/runAnalysis.ts).
 */
export function optimismKey(protocolConfig: StudyConfig, model: string) {
  return {
    model,
    replicates: protocolConfig.optimism.replicates,
    seed: protocolConfig.seeds.bootstrap,
    aggregation: protocolConfig.evaluation.aggregation,
  };
}
