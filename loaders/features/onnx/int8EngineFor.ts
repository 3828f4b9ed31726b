import {modelIdOf} from "../../../models/resnet50.js";
import type {PatchSet} from "../../imaging/patchSet.js";
import {readModelFiles} from "../../weights/readModelFiles.js";
import type {BackboneSpec} from "../backboneSpec.js";
import {createOnnxEngine, type OnnxEngine} from "../onnxEngine.js";
import {ensureBackboneOnnx} from "./backboneCache.js";
import {calibrationSample, ensureInt8Backbone, findInt8Backbone, type Int8Backbone} from "./int8Backbone.js";

/**
 * Where the int8 graph's calibration comes from: the study's training cohort (the model stage), or a saved run's
 * model id (`predict`: the graph that run was embedded with, already cached beside the weights).
 */
export type Int8Source = {trainingCohort: PatchSet} | {runModelId: string};

/**
 * The int8 engine (`model.engine: "onnx-int8"`) for a weights folder: the statically quantized backbone
 * (onnx/quantizeBackbone.ts), calibrated on the training cohort and cached beside the weights, on ONNX Runtime's CPU
 * provider. Reports `weightsHash` and a model id of its own (int8ModelId: the FP32 id and the int8 graph's hash),
 * so embeddings, runs and refits never mix int8 and FP32 embeddings or two calibrations. Throws with the reason.
 */
export async function createInt8EngineFor(
  backbone: BackboneSpec,
  source: Int8Source | undefined,
  effects: {log: (message: string) => void},
): Promise<OnnxEngine> {
  const {weightsDir, batchNormEpsilon} = backbone;
  if (!source) {
    throw new Error(
      `model.engine "onnx-int8": expected the training cohort's patches to calibrate on, got none (embed shards cannot calibrate on a part of the training cohort; run the model stage unsharded)`,
    );
  }
  const files = await readModelFiles(weightsDir);
  const fp32ModelId = modelIdOf(files.weightsHash, batchNormEpsilon);
  let graph: Int8Backbone | undefined;
  if ("runModelId" in source) {
    graph = await findInt8Backbone(weightsDir, source.runModelId);
    if (!graph) {
      throw new Error(
        `model.engine "onnx-int8": the run's int8 backbone (model id ${source.runModelId.slice(0, 16)}…) is not in ${weightsDir}; rebuild the run's study to recreate it`,
      );
    }
  } else {
    // The FP32 export of the same weights: what the int8 graph's agreement is measured against.
    const fp32 = await ensureBackboneOnnx({
      dir: weightsDir,
      weightsHash: files.weightsHash,
      batchNormEpsilon,
      load: async () => files,
      log: effects.log,
    });
    graph = await ensureInt8Backbone({
      dir: weightsDir,
      weightsHash: files.weightsHash,
      batchNormEpsilon,
      fp32ModelId,
      calibration: calibrationSample(source.trainingCohort),
      fp32Path: fp32.path,
      load: async () => files,
      ...(backbone.threads === undefined ? {} : {threads: backbone.threads}),
      log: effects.log,
    });
  }
  const engine = await createOnnxEngine({
    modelPath: graph.path,
    threads: backbone.threads,
    weightsHash: files.weightsHash,
    modelId: graph.modelId,
    int8: true,
    device: "cpu",
  });
  // The run's provenance carries the agreement to the Protocol page (runModel.ts reads it off the engine).
  const withAgreement: OnnxEngine = Object.assign(engine, {int8Agreement: graph.agreement ?? null});
  return withAgreement;
}
