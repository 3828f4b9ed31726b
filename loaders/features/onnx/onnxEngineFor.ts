import {modelIdOf} from "../../../models/resnet50.js";
import {readModelFiles} from "../../weights/readModelFiles.js";
import {ResNetPackage} from "../../weights/resNetPackage.js";
import type {BackboneSpec} from "../backboneSpec.js";
import {type OnnxEngine, tryCreateOnnxEngine} from "../onnxEngine.js";
import {ensureBackboneOnnx} from "./backboneCache.js";

/**
 * The ONNX engine for a weights folder: exports `<weightsDir>/backbone.onnx` when missing or stale (weights hash,
 * epsilon, exporter version), then starts ONNX Runtime. Never throws: a failure anywhere (unreadable or corrupted
 * weights, export, native library) comes back as `{engine: null, reason}` so the caller can fall back to the tfjs
 * engine. The export reads the files directly (no tfjs model is built) and applies `batchNormEpsilon` to every
 * BatchNorm, exactly as the tfjs engine loads the model (models/resnet50.ts). The engine reports the same
 * `weightsHash` and `modelId` (modelIdOf(weightsHash, batchNormEpsilon)) as the tfjs engine would for this backbone.
 * `backbone.backend` (a tfjs backend) does not apply; `backbone.threads` are ONNX Runtime's intra-op threads.
 */
export async function tryCreateOnnxEngineFor(
  backbone: BackboneSpec,
  effects: {log: (message: string) => void},
): Promise<{engine: OnnxEngine; reason: null} | {engine: null; reason: string}> {
  const {weightsDir, batchNormEpsilon} = backbone;
  let modelPath: string;
  let weightsHash: string;
  try {
    const files = await readModelFiles(weightsDir);
    weightsHash = files.weightsHash;
    // The same guard as loadBackbone: the official model.json with other shard bytes means corrupted shards.
    if (files.modelJsonSha256 === ResNetPackage.modelJsonSha256 && weightsHash !== ResNetPackage.weightsSha256) {
      throw new Error(
        `${weightsDir}: the weight shards are corrupted: expected weights sha256 ${ResNetPackage.weightsSha256}, got ${weightsHash}`,
      );
    }
    const backbone = await ensureBackboneOnnx({
      dir: weightsDir,
      weightsHash,
      batchNormEpsilon,
      load: async () => files,
      log: effects.log,
    });
    modelPath = backbone.path;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {engine: null, reason: `ONNX export unavailable: ${message.split("\n")[0]}`};
  }
  return tryCreateOnnxEngine({
    modelPath,
    threads: backbone.threads,
    weightsHash,
    modelId: modelIdOf(weightsHash, batchNormEpsilon),
  });
}
