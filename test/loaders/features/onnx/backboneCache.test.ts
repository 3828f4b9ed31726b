import assert from "node:assert/strict";
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import * as tf from "@tensorflow/tfjs";
import {ensureBackboneOnnx} from "../../../../loaders/features/onnx/backboneCache.js";
import {buildResNet, TinyResNetShape} from "../../../../models/resNetTopology.js";

describe("ensureBackboneOnnx({dir, weightsHash, batchNormEpsilon, load})", () => {
  let dir = "";
  let model: tf.LayersModel;
  let loads = 0;
  const load = async () => {
    loads++;
    return model;
  };
  before(async () => {
    await tf.setBackend("cpu");
    dir = await mkdtemp(join(tmpdir(), "onnx-cache-"));
    model = buildResNet(TinyResNetShape);
  });
  after(async () => {
    model.dispose();
    await rm(dir, {recursive: true, force: true});
  });

  it("exports once, writes the .sha256 and the provenance record, then reuses the file without loading the model", async () => {
    const first = await ensureBackboneOnnx({dir, weightsHash: "w1", load});
    assert.equal(first.exported, true);
    assert.equal(loads, 1);
    assert.equal(await readFile(`${first.path}.sha256`, "utf8"), `${first.sha256}  backbone.onnx\n`);
    const record = JSON.parse(await readFile(`${first.path}.json`, "utf8"));
    assert.equal(record.sourceWeightsSha256, "w1");
    assert.deepEqual(record.info.batchNormEpsilons, [1e-3]);
    const second = await ensureBackboneOnnx({dir, weightsHash: "w1", load});
    assert.equal(second.exported, false);
    assert.equal(loads, 1);
    assert.equal(second.sha256, first.sha256);
  });

  it("re-exports when the weights hash or the epsilon changes, or the file no longer matches its hash", async () => {
    assert.equal((await ensureBackboneOnnx({dir, weightsHash: "w2", load})).exported, true);
    const eps = await ensureBackboneOnnx({dir, weightsHash: "w2", batchNormEpsilon: 1e-5, load});
    assert.equal(eps.exported, true);
    assert.deepEqual(eps.info.batchNormEpsilons, [1e-5]);
    assert.equal((await ensureBackboneOnnx({dir, weightsHash: "w2", batchNormEpsilon: 1e-5, load})).exported, false);
    await writeFile(eps.path, "truncated");
    const repaired = await ensureBackboneOnnx({dir, weightsHash: "w2", batchNormEpsilon: 1e-5, load});
    assert.equal(repaired.exported, true);
    assert.equal(repaired.sha256, eps.sha256, "the same weights and epsilon give the same bytes");
  });
});
