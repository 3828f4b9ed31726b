import type {StudyConfig} from "../config/studyConfig.js";
import {defaultWeightsDir, ensureWeights} from "../model/fetchWeights.js";
import type {EmbeddingEngine} from "./engine.js";
import {tryCreateOnnxEngineFor} from "./onnx/onnxEngineFor.js";
import {createTfjsEngine} from "./tfjsEngine.js";

/**
 * Chooses and starts the embedding engine for a study (config.model.engine: auto | onnx | tfjs). The weights are
 * fetched the first time they are needed.
 *
 * "onnx" and "auto" build the ONNX Runtime engine (onnxEngine.ts) from the same weights folder (exported once to
 * backbone.onnx beside them); "auto" falls back to the tfjs reference engine when ONNX Runtime cannot load.
 */
export interface EngineOptions {
  /** Folder of the tfjs layers model; default models/weights/resnet50. */
  weightsDir?: string;
  /** Worker threads for the tfjs wasm backend; default one per core. */
  threads?: number;
}

export async function createEngine(
  config: StudyConfig,
  effects: {log: (msg: string) => void},
  options: EngineOptions = {},
): Promise<EmbeddingEngine> {
  const weightsDir = options.weightsDir ?? defaultWeightsDir;
  if (options.weightsDir === undefined) await ensureWeights(weightsDir, effects);
  const requested = config.model.engine;
  if (requested !== "tfjs") {
    // auto = ONNX Runtime when it loads (≈8× faster on CPU, same embeddings to 1e-4), else tfjs with a notice.
    const onnx = await tryCreateOnnxEngineFor(weightsDir, {
      batchNormEpsilon: config.model.batchNormEpsilon,
      threads: options.threads,
      log: effects.log,
    });
    if (onnx.engine) {
      effects.log(`embedding engine: ${onnx.engine.name}`);
      return onnx.engine;
    }
    if (requested === "onnx") throw new Error(`model.engine "onnx": ${onnx.reason}`);
    effects.log(`${onnx.reason}; using the tfjs engine`);
  }
  return createTfjsEngine({
    weightsDir,
    batchNormEpsilon: config.model.batchNormEpsilon,
    backend: config.model.backend,
    threads: options.threads,
    log: effects.log,
  });
}
