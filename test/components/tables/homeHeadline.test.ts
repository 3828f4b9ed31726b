import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {MetricsArtifact} from "../../../src/components/artifacts.js";
import {evaluatePredictions} from "../../../src/components/stats/evaluatePredictions.js";
import {homeHeadline} from "../../../src/components/tables/homeHeadline.js";
import {predictionRows} from "./evaluationFixture.js";

const options = {bootstrap: 0, seed: 1, ciLevel: 0.95};
const rows = [
  ...predictionRows(24, 7).map((r) => ({...r, cohort: "T"})),
  ...predictionRows(16, 8).map((r) => ({...r, cohort: "B"})),
  ...predictionRows(40, 9).map((r) => ({...r, cohort: "C"})),
];
const metrics = {options, protocols: {corrected: evaluatePredictions(rows, options)}} as unknown as MetricsArtifact;

describe("homeHeadline: the external cohorts' answer, with each AUC's flags", () => {
  it("leaves out the training cohort and flags an AUC from fewer than 10 events, and a zero-width interval", () => {
    const results = homeHeadline(metrics, "T");
    assert.deepEqual(
      results.map((r) => [r.cohort, r.patients, r.aucNotes.map((n) => n.title)]),
      [
        // B separates perfectly: AUC 1 with DeLong's interval [1, 1], which says nothing about the uncertainty.
        ["B", 16, ["small sample: 8 events (the smaller outcome group)", "interval of zero width (1.000 to 1.000)"]],
        ["C", 40, []],
      ],
    );
  });
});
