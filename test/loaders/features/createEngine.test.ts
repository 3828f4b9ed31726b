import assert from "node:assert/strict";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs";
import {createEngine} from "../../../loaders/features/createEngine.js";
import {createEmbeddingCache} from "../../../loaders/features/embeddingCache.js";
import {embeddingModelId} from "../../../loaders/features/embeddingModelId.js";
import type {PatchRecord, PatchSet} from "../../../loaders/imaging/patchSet.js";
import {writeModelFiles} from "../../../loaders/weights/writeModelFiles.js";
import {buildResNet, TinyResNetShape} from "../../../models/resNetTopology.js";
import {modelIdOf} from "../../../models/resnet50.js";
import {createRng} from "../../../src/components/stats/random.js";

function cohort(name: string, count: number, seed: number): PatchSet {
  const rng = createRng(seed);
  return {
    cohort: name,
    sizePx: 32,
    records: Array.from({length: count}, (_, i) => ({patchId: `${name}-${i}`}) as PatchRecord),
    pixels: Uint8Array.from({length: count * 32 * 32 * 3}, () => rng.int(256)),
  };
}

describe("createEngine(backbone, engine, effects, int8)", () => {
  let dir = "";
  let backbone: {weightsDir: string; batchNormEpsilon: number; backend: "wasm"; threads: number};
  const logs: string[] = [];
  const effects = {log: (m: string) => logs.push(m)};
  const training = cohort("NFH", 6, 1);
  before(async () => {
    await tf.setBackend("cpu");
    dir = await mkdtemp(join(tmpdir(), "create-engine-"));
    const model = buildResNet(TinyResNetShape);
    await writeModelFiles(model, join(dir, "tiny"));
    model.dispose();
    backbone = {weightsDir: join(dir, "tiny"), batchNormEpsilon: 1e-3, backend: "wasm", threads: 1};
  });
  after(async () => {
    await rm(dir, {recursive: true, force: true});
  });

  it('"auto" picks the FP32 ONNX engine, never the int8 one, even when a training cohort is given', async () => {
    const engine = await createEngine(backbone, "auto", effects, {trainingCohort: training});
    assert.equal(engine.name, "onnx-cpu");
    await engine.dispose();
  });

  it('"onnx-int8" without patches to calibrate on fails with the reason (no fallback to another engine)', async () => {
    await assert.rejects(
      createEngine(backbone, "onnx-int8", effects),
      /model\.engine "onnx-int8": expected the training/,
    );
  });

  it('"onnx-int8" quantizes once per calibration sample; its model id is its own, and the cache keeps it apart', async () => {
    const int8 = await createEngine(backbone, "onnx-int8", effects, {trainingCohort: training});
    assert.equal(int8.name, "onnx-int8-cpu");
    const fp32 = await createEngine(backbone, "onnx", effects);
    const ids = {int8: await embeddingModelId(int8, backbone), fp32: await embeddingModelId(fp32, backbone)};
    assert.equal(ids.int8.weightsHash, ids.fp32.weightsHash);
    assert.equal(ids.fp32.modelId, modelIdOf(ids.fp32.weightsHash, 1e-3));
    assert.notEqual(ids.int8.modelId, ids.fp32.modelId);
    // The embedding cache is keyed by model id and engine name: an FP32 entry is never an int8 hit.
    const patch = training.pixels.subarray(0, 32 * 32 * 3);
    const fp32Cache = createEmbeddingCache(join(dir, "emb"), ids.fp32.modelId);
    await fp32Cache.put(fp32.name, "identity", "ab12", await fp32.embed(patch, 1, 32, "identity"));
    const int8Cache = createEmbeddingCache(join(dir, "emb"), ids.int8.modelId);
    assert.deepEqual(await int8Cache.getMany(int8.name, "identity", ["ab12"]), [undefined]);
    assert.equal((await int8.embed(patch, 1, 32, "identity")).length, 2048);
    await Promise.all([int8.dispose(), fp32.dispose()]);

    const again = await createEngine(backbone, "onnx-int8", effects, {trainingCohort: training});
    assert.equal(again.modelId, ids.int8.modelId);
    assert.equal(logs.filter((m) => m.startsWith("quantizing the ONNX backbone")).length, 1);
    await again.dispose();
    const other = await createEngine(backbone, "onnx-int8", effects, {trainingCohort: cohort("NFH", 6, 2)});
    assert.notEqual(other.modelId, ids.int8.modelId);
    await other.dispose();

    // `predict` finds a run's int8 graph by the run's model id, and refuses an id it has no graph for.
    const byRun = await createEngine(backbone, "onnx-int8", effects, {runModelId: ids.int8.modelId});
    assert.equal(byRun.modelId, ids.int8.modelId);
    await byRun.dispose();
    await assert.rejects(
      createEngine(backbone, "onnx-int8", effects, {runModelId: "f".repeat(64)}),
      /the run's int8 backbone \(model id ffffffffffffffff…\) is not in/,
    );
  });
});
