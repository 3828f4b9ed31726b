import {modelIdOf} from "../../models/resnet50.js";
import {readModelFiles} from "../weights/readModelFiles.js";
import type {BackboneSpec} from "./backboneSpec.js";
import type {EmbeddingEngine} from "./engine.js";

/**
 * The embedding cache's model id for an engine: the weights it runs and the BatchNorm epsilon. Engines that do not
 * report their weights are assumed to run the weights folder's model. The model stage and `workbench embed` shards
 * both use this, so shards fill exactly the folder the model stage reads.
 */
export async function embeddingModelId(
  engine: EmbeddingEngine,
  backbone: BackboneSpec,
): Promise<{modelId: string; weightsHash: string}> {
  const engineHash = "weightsHash" in engine && typeof engine.weightsHash === "string" ? engine.weightsHash : undefined;
  const weightsHash = engineHash ?? (await readModelFiles(backbone.weightsDir)).weightsHash;
  return {weightsHash, modelId: engine.modelId ?? modelIdOf(weightsHash, backbone.batchNormEpsilon)};
}
