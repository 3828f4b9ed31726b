import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {evaluatePredictions} from "../../../src/components/stats/evaluatePredictions.js";
import {ResponseLabels} from "../../../src/components/study/vocabulary.js";
import {perClassColumns, perClassRows} from "../../../src/components/tables/perClassSummary.js";
import {predictionRows} from "./evaluationFixture.js";

describe("perClassRows(level) / perClassColumns(level, ciLevel)", () => {
  const cohort = evaluatePredictions(predictionRows(), {bootstrap: 30, seed: 5, ciLevel: 0.95}).cohorts.X;
  assert.ok(cohort?.patch);
  const patch = cohort.patch;

  it("one row per class with the level's AUC, its three intervals, the argmax operating point and the counts", () => {
    const rows = perClassRows(patch);
    assert.deepEqual(
      rows.map((r) => r.class),
      [...ResponseLabels],
    );
    for (const r of rows) {
      const s = patch.perClass[r.class];
      assert.deepEqual(
        [r.auc, r.cluster, r.naive, r.delong, r.nCases, r.nControls],
        [s.auc, s.ciBootstrap, s.ciBootstrapNaive, s.ciDeLong, s.nCases, s.nControls],
      );
      assert.equal(r.sensitivity, s.metrics.sensitivity.value);
      assert.equal(r.nCases + r.nControls, patch.n);
    }
  });

  it("at patient level the naive column falls back to the only bootstrap", () => {
    const rows = perClassRows(cohort.patient);
    for (const r of rows) assert.deepEqual(r.naive, cohort.patient.perClass[r.class].ciBootstrap);
  });

  it("formats intervals with a dash when missing and names the bootstrap and level in the headers", () => {
    const columns = perClassColumns("patch", 0.9);
    const byKey = Object.fromEntries(columns.map((c) => [c.key, c]));
    assert.equal(byKey.cluster?.label, "90% CI patient-cluster bootstrap");
    assert.equal(perClassColumns("patient", 0.95).find((c) => c.key === "cluster")?.label, "95% CI bootstrap");
    const row = {...perClassRows(patch)[0]!, cluster: [0.61234, 0.9] as const, delong: null, sensitivity: null};
    assert.equal(byKey.cluster?.format?.(row), "[0.612, 0.900]");
    assert.equal(byKey.delong?.format?.(row), "–");
    assert.equal(byKey.sensitivity?.format?.(row), "–");
    assert.deepEqual(byKey.auc?.attributes?.({...row, auc: null}), {"data-class": row.class, "data-auc": ""});
  });

  it("the AUC cell names the empty group when a class is absent, and flags a class with fewer than 10 cases", () => {
    const auc = perClassColumns("patient", 0.95).find((c) => c.key === "auc")!;
    const row = perClassRows(patch)[0]!;
    const absent = {...row, auc: null, nCases: 0};
    assert.deepEqual(
      auc.notes?.(absent).map((n) => n.title),
      [`n/a: no ${row.class} case in the cohort (an AUC needs both groups)`],
    );
    assert.deepEqual(
      auc.notes?.({...row, auc: 0.8, cluster: [0.6, 0.9], nCases: 6, nControls: 60}).map((n) => n.mark),
      ["†"],
    );
  });
});
