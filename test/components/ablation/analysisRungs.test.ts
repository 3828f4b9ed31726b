import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {analysisRungs} from "../../../src/components/ablation/analysisRungs.js";
import {evaluatePredictions} from "../../../src/components/stats/evaluatePredictions.js";
import {ladderRows} from "./fixture.js";

describe("analysisRungs", () => {
  // Five identical patches per patient: the naive patch bootstrap treats them as five independent patients.
  const rows = ladderRows(4, {patients: 40, patches: 1, signal: 0.8}).flatMap((r) =>
    [0, 1, 2, 3, 4].map((k) => ({...r, patchId: `${r.patchId}-${k}`})),
  );
  const options = {bootstrap: 400, seed: 2, ciLevel: 0.95};
  const [naive, cluster, patient] = analysisRungs(rows, ["A", "B"], options);

  it("naive → cluster keeps the AUC and widens the interval when patches of a patient are alike", () => {
    for (const c of ["A", "B"]) {
      assert.equal(naive!.cohorts[c]!.auc, cluster!.cohorts[c]!.auc);
      assert.ok(cluster!.cohorts[c]!.width! > 1.5 * naive!.cohorts[c]!.width!, c);
      assert.equal(naive!.cohorts[c]!.n, 200);
      assert.equal(patient!.cohorts[c]!.n, 40);
    }
  });

  it("the point AUCs are evaluatePredictions's at patch and patient level", () => {
    const e = evaluatePredictions(rows, {bootstrap: 0, seed: 1, ciLevel: 0.95});
    assert.equal(naive!.cohorts.A!.auc, e.cohorts.A!.patch!.objectiveResponse.auc);
    assert.equal(patient!.cohorts.A!.auc, e.cohorts.A!.patient.objectiveResponse.auc);
    assert.deepEqual([naive!.level, cluster!.level, patient!.level], ["patch", "patch", "patient"]);
  });
});
