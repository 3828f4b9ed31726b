import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import {type ManifestPatient, readManifest} from "../../../loaders/cohort/manifest.js";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {patientOrder} from "../../../loaders/imaging/assembleStudy.js";
import {preprocessPatients} from "../../../loaders/imaging/preprocessPatients.js";
import {tempDir} from "./phantom.js";
import {variedStudy} from "./variedStudy.js";

const config = normalizeStudyConfig({patches: {sizePx: 32}});

describe("preprocessPatients(patients, config, {jobs})", () => {
  let patients: ManifestPatient[] = [];
  before(async () => {
    const dir = await tempDir();
    patients = patientOrder(await readManifest(await variedStudy(dir), config.clinical.columns));
  });

  it("gives the same outcomes, in the same order, on 2 worker threads as in this thread", async () => {
    const seen: number[] = [];
    const one = await preprocessPatients(patients, config, {jobs: 1});
    const two = await preprocessPatients(patients, config, {jobs: 2, onOutcome: (_o, index) => seen.push(index)});
    assert.equal(one.length, patients.length);
    assert.deepEqual(
      one.map((o) => o.patientId),
      patients.map((p) => p.patientId),
    );
    assert.deepEqual(two, one);
    assert.deepEqual(
      seen.sort((a, b) => a - b),
      patients.map((_, i) => i),
    );
    const missing = one.find((o) => o.patientId === "NFH-MISSING");
    assert.ok(missing && !missing.ok);
    assert.match(missing.exclusion.reason, /NFH-MISSING.*nowhere\.nii\.gz/);
    // The phantoms differ, so a mix-up of patients would change the pixels.
    const sizes = one.filter((o) => o.ok).map((o) => (o.ok ? o.patches.geometry.tumourVolumeMm3 : 0));
    assert.ok(new Set(sizes).size >= 3);
  });
});
