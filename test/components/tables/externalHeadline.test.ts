import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {MetricsArtifact} from "../../../src/components/artifacts.js";
import {evaluatePredictions} from "../../../src/components/stats/evaluatePredictions.js";
import {externalHeadline, protocolHeadline} from "../../../src/components/tables/externalHeadline.js";
import {predictionRows} from "./evaluationFixture.js";

const options = {bootstrap: 0, seed: 1, ciLevel: 0.95};
const rows = [
  ...predictionRows(24, 7).map((r) => ({...r, cohort: "T"})),
  ...predictionRows(16, 8).map((r) => ({...r, cohort: "C"})),
  ...predictionRows(20, 9).map((r) => ({...r, cohort: "B"})),
];
const evaluation = evaluatePredictions(rows, options);
const metrics = {options, protocols: {corrected: evaluation}} as unknown as MetricsArtifact;

describe("externalHeadline: a page's answer above its controls, from metrics.json", () => {
  it("gives the statistic of every external cohort in the site's cohort order, the training cohort left out", () => {
    const text = externalHeadline(
      metrics,
      {training: "T", validation: ["C", "B"]},
      {
        label: "Macro AUC",
        value: (l) => String(l.nPatients),
      },
    );
    assert.equal(text, "Macro AUC per patient on the external cohorts — corrected: C 16, B 20.");
  });
  it("is empty when the build has no external cohort", () => {
    const onlyTraining = {options, protocols: {corrected: evaluatePredictions(rows.slice(0, 72), options)}};
    assert.equal(
      externalHeadline(onlyTraining as unknown as MetricsArtifact, {training: "T"}, {label: "x", value: () => ""}),
      "",
    );
  });
  it("counts the methods table's settings that differ from the paper", () => {
    assert.equal(
      protocolHeadline([{differs: true}, {differs: false}, {differs: true}], "corrected"),
      "2 of 3 settings of the corrected protocol differ from the paper's.",
    );
  });
});
