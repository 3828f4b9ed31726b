// "A unit test reads the run's data through the module it documents": a fixture run's data folder written to disk
// (predictions.csv, cohorts.json, metrics.json computed from those predictions, protocol.json), then read back through
// readRun and runPatients exactly as docs/notebooks.md tells a page to.
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, describe, it} from "node:test";
import * as aq from "arquero";
import {
  evaluatePredictions,
  filterTable,
  readRun,
  rowsOfPatients,
  runPatients,
  tablePatients,
} from "../../../src/components/notebook/runData.js";
import {writePredictionsCsv} from "../../../src/components/predictions/writePredictionsCsv.js";
import {exploreFixture} from "../explore/exploreFixture.js";

const options = {bootstrap: 20, seed: 11, ciLevel: 0.95, aggregation: "mean" as const, calibrationBins: 10};

function writeFixtureRun(): string {
  const dir = mkdtempSync(join(tmpdir(), "run-data-"));
  const {predictions, cohorts} = exploreFixture();
  const byProtocol = (p: string) => predictions.filter((r) => r.protocol === p);
  const metrics = {
    options,
    protocols: {
      paper: evaluatePredictions(byProtocol("paper"), options),
      corrected: evaluatePredictions(byProtocol("corrected"), options),
    },
  };
  writeFileSync(join(dir, "predictions.csv"), writePredictionsCsv(predictions));
  writeFileSync(join(dir, "cohorts.json"), JSON.stringify({synthetic: true, flow: {}, ...cohorts}));
  writeFileSync(join(dir, "metrics.json"), JSON.stringify(metrics));
  // Only the fields this test reads: the full artifact carries the configuration and provenance too.
  writeFileSync(join(dir, "protocol.json"), JSON.stringify({primary: "corrected"}));
  writeFileSync(join(dir, "broken.json"), "{not json");
  return dir;
}

describe("runData: a run's files for a page of your own", () => {
  const dir = writeFixtureRun();
  after(() => rmSync(dir, {recursive: true, force: true}));
  const file = (name: string) => ({text: async () => readFileSync(join(dir, name), "utf8")});

  it("reads each named file into its typed value, and the patients into an arquero table", async () => {
    const run = await readRun({
      "protocol.json": file("protocol.json"),
      "cohorts.json": file("cohorts.json"),
      "metrics.json": file("metrics.json"),
      "predictions.csv": file("predictions.csv"),
    });
    assert.deepEqual(Object.keys(run).sort(), ["cohorts.json", "metrics.json", "predictions.csv", "protocol.json"]);
    assert.equal(run["predictions.csv"].length, exploreFixture().predictions.length);
    assert.equal(run["cohorts.json"].trainingCohort, "TRAIN");
    const {protocol, patients, table, columns} = runPatients(run, aq);
    assert.equal(protocol, "corrected");
    assert.equal(table.numRows(), 60);
    assert.deepEqual(tablePatients(table), patients);
    assert.ok(columns.some((c) => c.key === "age" && c.kind === "number"));
    assert.ok(!columns.some((c) => c.key === "patient_id"));

    // Every patient's rows through evaluatePredictions with metrics.json's options give metrics.json's numbers.
    const all = evaluatePredictions(
      rowsOfPatients(run["predictions.csv"], protocol, patients),
      run["metrics.json"].options,
    );
    assert.deepEqual(all, run["metrics.json"].protocols.corrected);

    // A filter in arquero, then the same statistics for the patients it keeps.
    const ext = filterTable(aq, table, columns, {cohort: {levels: ["EXT"]}});
    const evaluation = evaluatePredictions(
      rowsOfPatients(run["predictions.csv"], protocol, tablePatients(ext)),
      run["metrics.json"].options,
    );
    assert.deepEqual(Object.keys(evaluation.cohorts), ["EXT"]);
    assert.equal(
      evaluation.cohorts.EXT?.patient.objectiveResponse.auc,
      run["metrics.json"].protocols.corrected.cohorts.EXT?.patient.objectiveResponse.auc,
    );
  });

  it("names the file that is not valid JSON, and the line of a bad predictions row", async () => {
    await assert.rejects(readRun({"metrics.json": file("broken.json")}), /data\/metrics\.json is not valid JSON/);
    const bad = {text: async () => "patient_id,cohort,label,p_CR,p_PR,p_SD,p_PD\nP1,A,XX,0.25,0.25,0.25,0.25\n"};
    await assert.rejects(readRun({"predictions.csv": bad}), /data\/predictions\.csv/);
  });
});
