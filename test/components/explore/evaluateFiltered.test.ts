import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {evaluateFiltered, WorkerFromPatients} from "../../../src/components/explore/evaluateFiltered.js";
import {explorePatients, rowsOfPatients} from "../../../src/components/explore/explorePatients.js";
import {describeColumns, filterPatients} from "../../../src/components/explore/patientFilter.js";
import {writePredictionsCsv} from "../../../src/components/predictions/writePredictionsCsv.js";
import {evaluatePredictions} from "../../../src/components/stats/evaluatePredictions.js";
import {evaluateUpload} from "../../../src/components/yourPredictions/evaluateUpload.js";
import {exploreFixture} from "./exploreFixture.js";

describe("evaluateFiltered", () => {
  const {predictions, cohorts} = exploreFixture();
  const patients = explorePatients(predictions, cohorts, {protocol: "corrected"});
  const columns = describeColumns(patients, ["tumour_number"]);
  const kept = filterPatients(patients, columns, {tumour_number: {levels: ["1", "3"]}});
  const rows = rowsOfPatients(predictions, "corrected", kept);
  const options = {
    bootstrap: 50,
    seed: 3,
    ciLevel: 0.9,
    aggregation: "median" as const,
    calibrationBins: 5,
    thresholds: [0.2, 0.4],
  };

  it("below the worker threshold, on the main thread: exactly evaluatePredictions on the filtered rows", async () => {
    assert.ok(kept.length < WorkerFromPatients);
    const result = await evaluateFiltered(rows, options, {url: "unused.js"});
    assert.equal(result.where, "main thread");
    assert.equal(result.patients, kept.length);
    assert.deepEqual(result.evaluation, evaluatePredictions(rows, options));
  });

  it("what the worker computes from the CSV it is sent equals the main thread's, options passed whole", () => {
    // The worker runs evaluateUpload on writePredictionsCsv's text (no Worker in Node: the function it runs is called).
    const text = writePredictionsCsv(rows.map(({protocol: _protocol, ...rest}) => rest));
    const upload = evaluateUpload({text, source: "the filtered patients", siteText: null, siteProtocol: null, options});
    const [evaluation] = Object.values(upload.models);
    assert.deepEqual(evaluation, evaluatePredictions(rows, options));
    assert.deepEqual(evaluation?.options.thresholds, [0.2, 0.4]);
  });
});
