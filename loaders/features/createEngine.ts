import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {defaultWeightsDir, ensureWeights} from "../weights/fetchWeights.js";
import type {BackboneSpec} from "./backboneSpec.js";
import type {EmbeddingEngine} from "./engine.js";
import {tryCreateOnnxEngineFor} from "./onnx/onnxEngineFor.js";
import {createTfjsEngine} from "./tfjsEngine.js";

/**
 * Chooses and starts the embedding engine (`model.engine`: auto | onnx | tfjs) for a backbone (backboneSpec.ts). The
 * project's own weights folder is fetched the first time it is needed; another folder must already hold weights.
 *
 * "onnx" and "auto" build the ONNX Runtime engine (onnxEngine.ts) from the same weights folder (exported once to
 * backbone.onnx beside them); "auto" falls back to the tfjs reference engine when ONNX Runtime cannot load.
 */
export async function createEngine(
  backbone: BackboneSpec,
  requested: StudyConfig["model"]["engine"],
  effects: {log: (msg: string) => void},
): Promise<EmbeddingEngine> {
  if (backbone.weightsDir === defaultWeightsDir) await ensureWeights(backbone.weightsDir, effects);
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
