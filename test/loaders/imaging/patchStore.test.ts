import assert from "node:assert/strict";
import {readdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, it} from "node:test";
import {normalizeStudyConfig} from "../../../loaders/config/studyConfig.js";
import {readPatchStore, writePatchStore} from "../../../loaders/imaging/patchStore.js";
import {preprocessStudy} from "../../../loaders/imaging/preprocessStudy.js";
import {phantom, tempDir, writeManifest} from "./phantom.js";

async function smallStudy() {
  const dir = await tempDir();
  const manifest = await writeManifest(dir, [
    {patient_id: "p1", cohort: "NFH", image: "x", mask: "y", label: "CR"},
    {patient_id: "p2", cohort: "SYUCC / 2", image: "x", mask: "y", label: "PD"},
    {patient_id: "p3", cohort: "NFH", image: "x", mask: "y", label: "maybe"},
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

  it("refuses a pixel file whose length does not match its records", async () => {
    const dir = await tempDir();
    await writePatchStore(dir, await smallStudy(), {thumbnails: false});
    await writeFile(join(dir, "cohorts", "0-NFH.bin"), new Uint8Array(10));
    await assert.rejects(readPatchStore(dir), /0-NFH\.bin: expected \d+ bytes for \d+ patches of 32 px, got 10/);
  });
});
