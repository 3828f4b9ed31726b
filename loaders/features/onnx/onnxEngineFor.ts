import type {LayersModel} from "@tensorflow/tfjs";
import {loadBackbone} from "../../model/loadBackbone.js";
import {readModelFiles} from "../../model/readModelFiles.js";
import type {EmbeddingEngine} from "../engine.js";
import {tryCreateOnnxEngine} from "../onnxEngine.js";
import {ensureBackboneOnnx} from "./backboneCache.js";

/**
 * The ONNX engine for a weights folder: exports `<weightsDir>/backbone.onnx` when missing or stale (weights hash,
 * epsilon, exporter version), then starts ONNX Runtime. Never throws: a failure anywhere (unreadable weights, export,
 * native library) comes back as `{engine: null, reason}` so the caller can fall back to the tfjs engine.
 * The epsilon is applied to every BatchNorm, exactly as the tfjs engine loads the model (models/resnet50.ts).
 */
export async function tryCreateOnnxEngineFor(
  weightsDir: string,
  options: {batchNormEpsilon: number; threads?: number; log: (message: string) => void},
): Promise<{engine: EmbeddingEngine; reason: null} | {engine: null; reason: string}> {
  let modelPath: string;
  let loaded: LayersModel | undefined;
  try {
    const {weightsHash} = await readModelFiles(weightsDir);
    const backbone = await ensureBackboneOnnx({
      dir: weightsDir,
      weightsHash,
      batchNormEpsilon: options.batchNormEpsilon,
      load: async () => {
        loaded = (await loadBackbone(weightsDir, {batchNormEpsilon: options.batchNormEpsilon})).model;
        return loaded;
      },
      log: options.log,
    });
    modelPath = backbone.path;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {engine: null, reason: `ONNX export unavailable: ${message.split("\n")[0]}`};
  } finally {
    loaded?.dispose(); // the tfjs copy of the weights (~100 MB) is only needed for the export
  }
  return tryCreateOnnxEngine({modelPath, threads: options.threads});
}
