import {createHash} from "node:crypto";
import {readFile} from "node:fs/promises";
import {join} from "node:path";

/**
 * Reads a TensorFlow.js layers model (model.json + weight shards) from a folder into memory, checking that every
 * shard named by the manifest is present and that the bytes add up to the weights the manifest declares. Node has no
 * file:// handler without tfjs-node, so the model is later loaded from memory (tf.io.fromMemory).
 *
 * weightsHash = sha256 of model.json followed by the shards in lexicographic order of their file names. That is the
 * order that reproduces the value ../shared/weights.md records (85bf3b11…); the note says "weightsManifest order", but
 * hashing in manifest order (shard1, shard2, …, shard10) gives 618cc24c… instead, because shard10of25 sorts before
 * shard2of25. The weights are still concatenated in manifest order for loading.
 */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
}

export interface ModelFiles {
  dir: string;
  modelJson: Uint8Array;
  /** The parsed modelTopology (Keras JSON). */
  topology: {model_config?: {config?: {layers?: unknown[]}}} & Record<string, unknown>;
  weightSpecs: WeightSpec[];
  weightData: ArrayBuffer;
  weightsHash: string;
  modelJsonSha256: string;
}

const BytesPerDtype: Record<string, number> = {float32: 4, int32: 4, bool: 1};

export async function readModelFiles(dir: string): Promise<ModelFiles> {
  const jsonPath = join(dir, "model.json");
  let modelJson: Uint8Array;
  try {
    modelJson = await readFile(jsonPath);
  } catch (error) {
    throw new Error(
      `${jsonPath}: cannot read the model (${(error as Error).message}); run \`npx workbench weights\` to fetch the ImageNet ResNet50, or pass a tfjs layers model folder with --from`,
    );
  }
  let parsed: {format?: unknown; modelTopology?: unknown; weightsManifest?: unknown};
  try {
    parsed = JSON.parse(new TextDecoder().decode(modelJson));
  } catch (error) {
    throw new Error(
      `${jsonPath}: expected JSON, got a parse error (${(error as Error).message}); the file is corrupted`,
    );
  }
  if (parsed.format !== undefined && parsed.format !== "layers-model") {
    throw new Error(
      `${jsonPath}: expected a TensorFlow.js "layers-model", got format ${JSON.stringify(parsed.format)}`,
    );
  }
  if (typeof parsed.modelTopology !== "object" || parsed.modelTopology === null) {
    throw new Error(`${jsonPath}: expected a modelTopology object, got ${typeof parsed.modelTopology}`);
  }
  const manifest = parsed.weightsManifest;
  if (!Array.isArray(manifest) || manifest.length === 0) {
    throw new Error(`${jsonPath}: expected a non-empty weightsManifest, got ${JSON.stringify(manifest)?.slice(0, 80)}`);
  }
  const weightSpecs: WeightSpec[] = [];
  const shards: Uint8Array[] = [];
  const shardsByName = new Map<string, Uint8Array>();
  for (const group of manifest as Array<{paths?: unknown; weights?: unknown}>) {
    if (!Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      throw new Error(`${jsonPath}: expected weightsManifest groups with "paths" and "weights" arrays`);
    }
    let groupBytes = 0;
    for (const path of group.paths as string[]) {
      const shardPath = join(dir, path);
      let shard: Uint8Array;
      try {
        shard = await readFile(shardPath);
      } catch (error) {
        throw new Error(
          `${shardPath}: weight shard missing or unreadable (${(error as Error).message}); refusing to use random weights`,
        );
      }
      shards.push(shard);
      shardsByName.set(path, shard);
      groupBytes += shard.length;
    }
    let declared = 0;
    for (const w of group.weights as WeightSpec[]) {
      const size = BytesPerDtype[w.dtype];
      if (size === undefined) throw new Error(`${jsonPath}: weight ${w.name} has unsupported dtype ${w.dtype}`);
      declared += size * w.shape.reduce((a, b) => a * b, 1);
      weightSpecs.push({name: w.name, shape: w.shape, dtype: w.dtype});
    }
    if (declared !== groupBytes) {
      throw new Error(
        `${dir}: weight shards hold ${groupBytes} bytes but the manifest declares ${declared} bytes (${group.paths.join(", ")}); a shard is truncated or corrupted`,
      );
    }
  }
  const hash = createHash("sha256").update(modelJson);
  for (const name of [...shardsByName.keys()].sort()) hash.update(shardsByName.get(name)!);
  const total = shards.reduce((n, s) => n + s.length, 0);
  const weightData = new ArrayBuffer(total);
  const view = new Uint8Array(weightData);
  let offset = 0;
  for (const s of shards) {
    view.set(s, offset);
    offset += s.length;
  }
  const floats = new Float32Array(weightData, 0, Math.floor(total / 4));
  for (let i = 0; i < floats.length; i++) {
    if (!Number.isFinite(floats[i]!)) {
      throw new Error(`${dir}: weight value ${i} is ${floats[i]} (not finite); the weights are corrupted`);
    }
  }
  return {
    dir,
    modelJson,
    topology: parsed.modelTopology as ModelFiles["topology"],
    weightSpecs,
    weightData,
    weightsHash: hash.digest("hex"),
    modelJsonSha256: createHash("sha256").update(modelJson).digest("hex"),
  };
}
