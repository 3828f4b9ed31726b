import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {evaluatePredictions} from "../../../src/components/stats/evaluatePredictions.js";
import {headlineRows} from "../../../src/components/tables/headlineRows.js";
import {predictionRows} from "./evaluationFixture.js";

describe("headlineRows(paper, corrected, ciLevel)", () => {
  const options = {bootstrap: 50, seed: 3, ciLevel: 0.95};
  const paper = evaluatePredictions(predictionRows(16, 1), options).cohorts.X;
  const corrected = evaluatePredictions(predictionRows(16, 2), options).cohorts.X;
  assert.ok(paper && corrected);
  const table = headlineRows(paper, corrected, 0.95);

  it("puts paper patch level, paper patient level and corrected patient level side by side", () => {
    const acc = table.find((r) => r.metric.startsWith("Accuracy"));
    assert.ok(acc);
    assert.deepEqual(acc.values, [paper.patch?.accuracy, paper.patient.accuracy, corrected.patient.accuracy]);
    const or = table.find((r) => r.metric.startsWith("Objective response AUC, patch level"));
    assert.ok(or);
    const naive = paper.patch?.objectiveResponse.ciBootstrapNaive;
    assert.ok(naive && or.paper.includes(naive[0].toFixed(3)), "the paper column uses the naive patch bootstrap");
  });

  it("the patch-level interval row pairs like with like: the same model's patches, naive then cluster bootstrap", () => {
    const or = table.find((r) => r.metric.startsWith("Objective response AUC, patch level"));
    const patch = paper.patch?.objectiveResponse;
    assert.ok(or && patch?.ciBootstrap && patch.ciBootstrapNaive);
    assert.deepEqual(or.values.slice(0, 2), [patch.auc, patch.auc]);
    assert.ok(or.paperModelCorrected.includes(patch.ciBootstrap[0].toFixed(3)), "cluster bootstrap, same patches");
    const patient = table.find((r) => r.metric.startsWith("Objective response AUC, patient level"));
    assert.deepEqual(patient?.values, [
      paper.patient.objectiveResponse.auc,
      paper.patient.objectiveResponse.auc,
      corrected.patient.objectiveResponse.auc,
    ]);
  });

  it("makes no claim that class weights bring the calibration slope nearer 1", () => {
    const slope = table.find((r) => r.metric.startsWith("Calibration slope"));
    assert.doesNotMatch(slope?.why ?? "", /should lie nearer 1/);
    assert.match(slope?.why ?? "", /shifts the prior/);
  });

  it("names the level the intervals were computed at in the interval rows, not a fixed 95%", () => {
    const labels = (level: number) =>
      headlineRows(paper, corrected, level)
        .map((r) => r.metric)
        .filter((m) => m.includes("CI"));
    assert.deepEqual(labels(0.9), [
      "Objective response AUC, patch level (90% CI): naive → patient-cluster bootstrap",
      "Objective response AUC, patient level (90% CI)",
    ]);
    assert.ok(labels(0.95).every((m) => m.includes("(95% CI)")));
  });

  it("says why each row changes, and every value is a number or null", () => {
    for (const r of table) {
      assert.ok(r.why.length > 20, r.metric);
      assert.ok(r.values.every((v) => v === null || Number.isFinite(v)));
    }
  });
});
