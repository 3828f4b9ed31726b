import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {evaluatePredictions} from "../../../src/components/stats/evaluatePredictions.js";
import {headlineRows} from "../../../src/components/tables/headlineRows.js";
import {predictionRows} from "./evaluationFixture.js";

describe("headlineRows(paper, corrected)", () => {
  const options = {bootstrap: 50, seed: 3, ciLevel: 0.95};
  const paper = evaluatePredictions(predictionRows(16, 1), options).cohorts.X;
  const corrected = evaluatePredictions(predictionRows(16, 2), options).cohorts.X;
  assert.ok(paper && corrected);
  const table = headlineRows(paper, corrected);

  it("puts paper patch level, paper patient level and corrected patient level side by side", () => {
    const acc = table.find((r) => r.metric.startsWith("Accuracy"));
    assert.ok(acc);
    assert.deepEqual(acc.values, [paper.patch?.accuracy, paper.patient.accuracy, corrected.patient.accuracy]);
    const or = table.find((r) => r.metric.startsWith("Objective response AUC"));
    assert.ok(or);
    const naive = paper.patch?.objectiveResponse.ciBootstrapNaive;
    assert.ok(naive && or.paper.includes(naive[0].toFixed(3)), "the paper column uses the naive patch bootstrap");
  });

  it("says why each row changes, and every value is a number or null", () => {
    for (const r of table) {
      assert.ok(r.why.length > 20, r.metric);
      assert.ok(r.values.every((v) => v === null || Number.isFinite(v)));
    }
  });
});
