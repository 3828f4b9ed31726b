import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {Backend} from "../../src/components/study/vocabulary.js";
import {defaultWeightsDir} from "../weights/fetchWeights.js";

/**
 * What decides the frozen backbone an engine runs, and how: built once from the configuration (backboneSpec) and
 * passed whole to whatever starts an engine (createEngine, the tfjs and ONNX engines, the CAM fallback engine,
 * runModel's model id), so `model.batchNormEpsilon` and `model.backend` reach every use under their own names.
 */
export interface BackboneSpec {
  /** Folder of the tfjs layers model (default models/weights/resnet50). */
  weightsDir: string;
  /** Every BatchNormalization's epsilon (`model.batchNormEpsilon`); part of the model id with the weights hash. */
  batchNormEpsilon: number;
  /** The tfjs backend asked for (`model.backend`); the ONNX engine ignores it. */
  backend: Backend;
  /** Worker threads (tfjs wasm) or intra-op threads (ONNX Runtime); default one per core. */
  threads?: number;
}

/** The backbone of a study configuration; `weightsDir` and `threads` come from the caller, not the study file. */
export function backboneSpec(
  config: Pick<StudyConfig, "model">,
  where: {weightsDir?: string; threads?: number} = {},
): BackboneSpec {
  return {
    weightsDir: where.weightsDir ?? defaultWeightsDir,
    batchNormEpsilon: config.model.batchNormEpsilon,
    backend: config.model.backend,
    ...(where.threads === undefined ? {} : {threads: where.threads}),
  };
}
