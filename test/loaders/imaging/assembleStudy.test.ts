import assert from "node:assert/strict";
import {mkdir} from "node:fs/promises";
import {join} from "node:path";
import {describe, it} from "node:test";
import {shardRange} from "../../../loaders/cluster/shard.js";
import {readManifest} from "../../../loaders/cohort/manifest.js";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {assembleStudy, patientOrder} from "../../../loaders/imaging/assembleStudy.js";
import {readOutcomeStore, writeOutcomeStore} from "../../../loaders/imaging/outcomeStore.js";
import {writePatchStore} from "../../../loaders/imaging/patchStore.js";
import type {PatientOutcome} from "../../../loaders/imaging/preprocessManifestPatient.js";
import {preprocessPatients} from "../../../loaders/imaging/preprocessPatients.js";
import {preprocessStudy} from "../../../loaders/imaging/preprocessStudy.js";
import {filesOf} from "./filesOf.js";
import {tempDir} from "./phantom.js";
import {variedStudy} from "./variedStudy.js";

const config = normalizeStudyConfig({patches: {sizePx: 32}});

describe("assembleStudy(manifest, outcomes, config) from shards", () => {
  it("3 shards written to outcome stores, read back and merged give a patch store byte-identical to preprocessStudy's", async () => {
    const dir = await tempDir();
    const manifestPath = await variedStudy(dir);
    const single = await preprocessStudy(manifestPath, config, {log: () => {}});
    await mkdir(join(dir, "single"));
    await writePatchStore(join(dir, "single"), single);

    const manifest = await readManifest(manifestPath, config.clinical.columns);
    const order = patientOrder(manifest);
    const merged: PatientOutcome[] = [];
    for (let index = 0; index < 3; index++) {
      const [start, end] = shardRange({index, count: 3}, order.length);
      const shardDir = join(dir, `shard-${index}`);
      await mkdir(shardDir);
      await writeOutcomeStore(shardDir, start, await preprocessPatients(order.slice(start, end), config, {jobs: 1}));
      const back = await readOutcomeStore(shardDir);
      assert.equal(back.start, start);
      merged.push(...back.outcomes);
    }
    const study = assembleStudy(manifest, merged, config);
    await mkdir(join(dir, "merged"));
    await writePatchStore(join(dir, "merged"), study);

    const a = await filesOf(join(dir, "single"));
    const b = await filesOf(join(dir, "merged"));
    assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
    for (const [path, bytes] of a) assert.ok(bytes.equals(b.get(path)!), `${path} differs`);
    assert.ok(a.size > 5);
    assert.equal(study.flow.NFH?.excluded[0]?.patientId, "NFH-MISSING");
  });

  it("refuses outcomes that do not match the manifest's patients, naming them", async () => {
    const dir = await tempDir();
    const manifest = await readManifest(await variedStudy(dir), config.clinical.columns);
    const outcomes = await preprocessPatients(patientOrder(manifest), config, {jobs: 1});
    assert.throws(() => assembleStudy(manifest, outcomes.slice(1), config), /expected 7 patient outcomes, got 6/);
    const swapped = [outcomes[1]!, outcomes[0]!, ...outcomes.slice(2)];
    assert.throws(
      () => assembleStudy(manifest, swapped, config),
      /outcome 0 is patient NFH0-002 \(NFH\), expected NFH0-001/,
    );
  });
});
