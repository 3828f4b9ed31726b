import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {defaultWeightsDir, ensureWeights} from "../weights/fetchWeights.js";
import type {BackboneSpec} from "./backboneSpec.js";
import type {EmbeddingEngine} from "./engine.js";
import {createInt8EngineFor, type Int8Source} from "./onnx/int8EngineFor.js";
import {tryCreateOnnxEngineFor} from "./onnx/onnxEngineFor.js";
import {createTfjsEngine} from "./tfjsEngine.js";

/**
 * Chooses and starts the embedding engine (`model.engine`: auto | onnx | onnx-int8 | tfjs) for a backbone
 * (backboneSpec.ts). The project's own weights folder is fetched the first time it is needed; another folder must
 * already hold weights.
 *
 * "onnx" and "auto" build the ONNX Runtime engine (onnxEngine.ts) from the same weights folder (exported once to
 * backbone.onnx beside them); "auto" falls back to the tfjs reference engine when ONNX Runtime cannot load.
 * "onnx-int8" is only ever used when asked for ("auto" never picks it: its embeddings differ from FP32's, so choosing
 * it is a decision about the results, not the machine). It needs `int8`: the training cohort to calibrate on (or the
 * saved run whose int8 graph to reuse), and fails with the reason rather than fall back to another engine.
 */
export async function createEngine(
  backbone: BackboneSpec,
  requested: StudyConfig["model"]["engine"],
  effects: {log: (msg: string) => void},
  int8?: Int8Source,
): Promise<EmbeddingEngine> {
  if (backbone.weightsDir === defaultWeightsDir) await ensureWeights(backbone.weightsDir, effects);
  if (requested === "onnx-int8") {
    const engine = await createInt8EngineFor(backbone, int8, effects);
    effects.log(`embedding engine: ${engine.name}`);
    return engine;
  }
  if (requested !== "tfjs") {
    // auto = ONNX Runtime when it loads (≈8× faster on CPU, same embeddings to 1e-4), else tfjs with a notice.
    const onnx = await tryCreateOnnxEngineFor(backbone, effects);
    if (onnx.engine) {
      effects.log(`embedding engine: ${onnx.engine.name}`);
      return onnx.engine;
    }
    if (requested === "onnx") throw new Error(`model.engine "onnx": ${onnx.reason}`);
    effects.log(`${onnx.reason}; using the tfjs engine`);
  }
  return createTfjsEngine(backbone, effects);
}
