import assert from "node:assert/strict";
import {mkdtemp, readdir, readFile, stat, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, it} from "node:test";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {readPatchStore, type ThumbnailIndex, writePatchStore} from "../../../loaders/imaging/patchStore.js";
import {preprocessStudy} from "../../../loaders/imaging/preprocessStudy.js";
import {phantom, tempDir, writeManifest} from "./phantom.js";

async function smallStudy(ids = ["p1", "p2", "p3"]) {
  const dir = await tempDir();
  const manifest = await writeManifest(dir, [
    {patient_id: ids[0]!, cohort: "NFH", image: "x", mask: "y", label: "CR"},
    {patient_id: ids[1]!, cohort: "SYUCC / 2", image: "x", mask: "y", label: "PD"},
    {patient_id: ids[2]!, cohort: "NFH", image: "x", mask: "y", label: "maybe"},
  ]);
  const readPatient = async () => {
    const {image, mask} = phantom();
    return {image: {...image, data: Float32Array.from(image.data)}, mask};
  };
  return preprocessStudy(manifest, normalizeStudyConfig({patches: {sizePx: 32}}), {log: () => {}, readPatient});
}

describe("writePatchStore(dir, study) / readPatchStore(dir)", () => {
  it("round-trips pixels, records, flow, clinical rows and geometry, and writes one PNG per patch", async () => {
    const study = await smallStudy();
    const dir = await tempDir();
    await writePatchStore(dir, study);
    const back = await readPatchStore(dir);
    assert.deepEqual(back, study);
    const thumbs = await readdir(join(dir, "thumbnails", "1-SYUCC_2"));
    assert.equal(thumbs.length, study.cohorts["SYUCC / 2"]!.records.length);
    const png = await readFile(join(dir, "thumbnails", "1-SYUCC_2", thumbs[0]!));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it("stores one context crop per patch under contexts/, named by position and hash, with its geometry", async () => {
    const study = await smallStudy(["../a", "a", "p3"]);
    const dir = await tempDir();
    await writePatchStore(dir, study);
    const meta = JSON.parse(await readFile(join(dir, "cohorts", "0-NFH.json"), "utf8")) as {
      contexts: Array<{patchId: string; file: string; patchBoxPx: number[]; sliceIndex: number}>;
    };
    const records = study.cohorts.NFH!.records;
    assert.equal(meta.contexts.length, records.length);
    meta.contexts.forEach((entry, i) => {
      assert.equal(entry.patchId, records[i]!.patchId);
      assert.match(entry.file, /^contexts\/0-NFH\/\d{4}-[A-Za-z0-9._-]+-[0-9a-f]{8}\.png$/);
      assert.equal(entry.sliceIndex, records[i]!.sliceIndex);
      assert.equal(entry.patchBoxPx.length, 4);
    });
    const back = await readPatchStore(dir);
    assert.deepEqual(back.cohorts.NFH!.contexts, study.cohorts.NFH!.contexts);
  });

  it("refuses a context index whose path leaves contexts/", async () => {
    const dir = await tempDir();
    await writePatchStore(dir, await smallStudy(), {thumbnails: false});
    const path = join(dir, "cohorts", "0-NFH.json");
    const meta = JSON.parse(await readFile(path, "utf8")) as {contexts: Array<{file: string}>};
    meta.contexts[0]!.file = "../study.json";
    await writeFile(path, JSON.stringify(meta));
    await assert.rejects(readPatchStore(dir), /context crop path "..\/study.json" is not under contexts\//);
  });

  it("refuses a pixel file whose length does not match its records", async () => {
    const dir = await tempDir();
    await writePatchStore(dir, await smallStudy(), {thumbnails: false});
    await writeFile(join(dir, "cohorts", "0-NFH.bin"), new Uint8Array(10));
    await assert.rejects(readPatchStore(dir), /0-NFH\.bin: expected \d+ bytes for \d+ patches of 32 px, got 10/);
  });

  it("gives colliding and hostile patch ids one distinct thumbnail each, mapped from the id in the cohort JSON", async () => {
    const long = "L".repeat(70);
    const ids = ["X/1", "X_1", "../../escape", "/abs", "a\\b", "東京 🙂", `${long}-a`, `${long}-b`];
    const manifestRows = ids.map((id, i) => ({
      patient_id: id,
      cohort: i % 2 ? "B" : "A",
      image: "x",
      mask: "y",
      label: "CR",
    }));
    const manifestDir = await tempDir();
    const manifest = await writeManifest(manifestDir, manifestRows);
    const readPatient = async () => {
      const {image, mask} = phantom();
      return {image: {...image, data: Float32Array.from(image.data)}, mask};
    };
    const study = await preprocessStudy(manifest, normalizeStudyConfig({patches: {sizePx: 32}}), {
      log: () => {},
      readPatient,
    });
    const patches = Object.values(study.cohorts).reduce((n, set) => n + set.records.length, 0);
    assert.ok(patches >= ids.length, `${patches} patches`);
    const dir = await tempDir();
    await writePatchStore(dir, study);
    const files: string[] = [];
    for (const folder of await readdir(join(dir, "thumbnails"))) {
      for (const f of await readdir(join(dir, "thumbnails", folder))) files.push(f);
    }
    assert.equal(files.length, patches, "one PNG per patch, none overwritten");
    for (const f of files) assert.match(f, /^\d{4}-[A-Za-z0-9._-]+-[0-9a-f]{8}\.png$/);
    assert.deepEqual(
      await readdir(dir),
      ["cohorts", "contexts", "study.json", "thumbnails"],
      "nothing escaped the store",
    );
    const index: ThumbnailIndex = [];
    for (const name of (await readdir(join(dir, "cohorts"))).filter((n) => n.endsWith(".json"))) {
      const meta = JSON.parse(await readFile(join(dir, "cohorts", name), "utf8")) as {
        records: Array<{patchId: string}>;
        thumbnails: ThumbnailIndex;
      };
      assert.deepEqual(
        meta.thumbnails.map((t) => t.patchId),
        meta.records.map((r) => r.patchId),
      );
      index.push(...meta.thumbnails);
    }
    assert.equal(new Set(index.map((t) => t.file)).size, patches);
    for (const t of index) assert.ok((await stat(join(dir, t.file))).isFile(), t.file);
  });

  it("never writes through a link already in the folder", async () => {
    const dir = await tempDir();
    const outside = join(await mkdtemp(join(tmpdir(), "outside-")), "victim.txt");
    await writeFile(outside, "untouched");
    await symlink(outside, join(dir, "study.json"));
    await assert.rejects(writePatchStore(dir, await smallStudy(), {thumbnails: false}), {code: "EEXIST"});
    assert.equal(await readFile(outside, "utf8"), "untouched");
  });
});
