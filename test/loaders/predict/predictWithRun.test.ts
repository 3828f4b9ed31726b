import assert from "node:assert/strict";
import {mkdtemp} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, describe, it} from "node:test";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import type {TfjsEngine} from "../../../loaders/features/tfjsEngine.js";
import {predictWithRun} from "../../../loaders/predict/predictWithRun.js";
import {loadRun} from "../../../loaders/runs/runStore.js";
import {runModel} from "../../../loaders/train/runModel.js";
import {writePredictionsCsv} from "../../../src/components/predictions/writePredictionsCsv.js";
import {tinyPatchSet, tinyTfjsEngine} from "../../models/tinyResNet.js";

describe("predictWithRun", () => {
  let engine: TfjsEngine;
  let root = "";
  before(async () => {
    root = await mkdtemp(join(tmpdir(), "pred-"));
    engine = await tinyTfjsEngine();
  });
  after(async () => {
    await engine.dispose();
  });

  it("a saved run predicts new patches exactly as runModel predicted them", async () => {
    const cohorts = {NFH: tinyPatchSet("NFH", 3, 1), ZHHAJU: tinyPatchSet("ZHHAJU", 2, 2)};
    const config = normalizeStudyConfig({model: {epochs: 2}, augmentation: {variants: ["identity", "flipH"]}});
    const run = await runModel(
      {cohorts, config, engine, cacheDir: join(root, "emb"), runsDir: join(root, "runs")},
      {log: () => {}},
    );
    const stored = await loadRun(join(root, "runs"), run.runId);
    const rows = await predictWithRun(stored, {ZHHAJU: cohorts.ZHHAJU}, engine, join(root, "emb2"), () => {});
    const expected = run.predictions.filter((p) => p.cohort === "ZHHAJU");
    assert.equal(rows.length, expected.length);
    rows.forEach((r, i) => {
      assert.equal(r.patchId, expected[i]!.patchId);
      for (let c = 0; c < 4; c++) assert.ok(Math.abs(r.probabilities[c]! - expected[i]!.probabilities[c]!) <= 1e-6);
    });
    assert.match(writePredictionsCsv(rows).split("\n")[1]!, /^ZHHAJU-P0,ZHHAJU,ZHHAJU-0,CR,/);
  });

  it("refuses an engine running other weights than the run's", async () => {
    const cohorts = {NFH: tinyPatchSet("NFH", 2, 1)};
    const config = normalizeStudyConfig({
      model: {epochs: 1},
      cohorts: {validation: []},
      augmentation: {variants: ["identity"]},
    });
    const run = await runModel(
      {cohorts, config, engine, cacheDir: join(root, "emb"), runsDir: join(root, "runs")},
      {log: () => {}},
    );
    const stored = await loadRun(join(root, "runs"), run.runId);
    stored.provenance.modelId = "f".repeat(64);
    await assert.rejects(
      predictWithRun(stored, cohorts, engine, join(root, "emb"), () => {}),
      /trained on backbone ffffffffffffffff…, but the engine runs/,
    );
  });
});
