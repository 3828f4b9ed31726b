import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {cp, mkdtemp, readFile, rm, truncate, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {before, describe, it} from "node:test";
import {readModelFiles} from "../../../loaders/weights/readModelFiles.js";
import {tinyWeightsDir} from "../../models/tinyResNet.js";

describe("readModelFiles", () => {
  let dir = "";
  before(async () => {
    dir = await tinyWeightsDir();
  });
  const copy = async () => {
    const d = join(await mkdtemp(join(tmpdir(), "mf-")), "m");
    await cp(dir, d, {recursive: true});
    return d;
  };

  it("reads model.json and the shards; weightsHash = sha256(model.json + shards in file-name order)", async () => {
    const files = await readModelFiles(dir);
    const json = await readFile(join(dir, "model.json"));
    const shard = await readFile(join(dir, "group1-shard1of1.bin"));
    assert.equal(files.weightsHash, createHash("sha256").update(json).update(shard).digest("hex"));
    assert.equal(files.weightData.byteLength, shard.length);
  });

  it("a missing model.json names the folder and says how to fetch the weights", async () => {
    await assert.rejects(
      readModelFiles(join(dir, "nowhere")),
      /model\.json: cannot read the model .*npx workbench weights/,
    );
  });

  it("a missing shard is an error, never random weights", async () => {
    const d = await copy();
    await rm(join(d, "group1-shard1of1.bin"));
    await assert.rejects(
      readModelFiles(d),
      /group1-shard1of1\.bin: weight shard missing or unreadable .*refusing to use random weights/,
    );
  });

  it("a truncated shard and non-finite weights are errors", async () => {
    const d = await copy();
    await truncate(join(d, "group1-shard1of1.bin"), 100);
    await assert.rejects(readModelFiles(d), /weight shards hold 100 bytes but the manifest declares \d+ bytes/);
    const e = await copy();
    const bytes = await readFile(join(e, "group1-shard1of1.bin"));
    new DataView(bytes.buffer, bytes.byteOffset).setFloat32(8, Number.NaN, true);
    await writeFile(join(e, "group1-shard1of1.bin"), bytes);
    await assert.rejects(readModelFiles(e), /weight value 2 is NaN \(not finite\)/);
  });

  it("a corrupted model.json is a clear error", async () => {
    const d = await copy();
    await writeFile(join(d, "model.json"), "{not json");
    await assert.rejects(readModelFiles(d), /expected JSON, got a parse error/);
  });
});
