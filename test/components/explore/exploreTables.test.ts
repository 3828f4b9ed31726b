import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {explorePatients} from "../../../src/components/explore/explorePatients.js";
import {
  cohortSummaryRows,
  heterogeneitySentence,
  subgroupForestRows,
  subgroupRows,
} from "../../../src/components/explore/exploreTables.js";
import {describeColumns} from "../../../src/components/explore/patientFilter.js";
import {subgroupAnalysis} from "../../../src/components/explore/subgroupLevels.js";
import {evaluatePredictions} from "../../../src/components/stats/evaluatePredictions.js";
import {exploreFixture} from "./exploreFixture.js";

describe("Explore tables", () => {
  const {predictions, cohorts} = exploreFixture();
  const rows = predictions.filter((r) => r.protocol === "paper");
  const evaluation = evaluatePredictions(rows, {bootstrap: 0, seed: 1, ciLevel: 0.95});

  it("one headline row per cohort in the order given, from the patient level", () => {
    const summary = cohortSummaryRows(evaluation, ["TRAIN", "GONE", "EXT"]);
    assert.deepEqual(
      summary.map((r) => r.cohort),
      ["TRAIN", "EXT"],
    );
    const ext = evaluation.cohorts.EXT?.patient;
    assert.equal(summary[1]?.orAuc, ext?.objectiveResponse.auc);
    assert.deepEqual(summary[1]?.orCi, ext?.objectiveResponse.ciDeLong);
    assert.equal(summary[1]?.patients, 30);
  });

  it("subgroup rows carry the test on each variable's first row; the forest ends with all patients", () => {
    const patients = explorePatients(predictions, cohorts, {protocol: "paper"}).filter((p) => p.cohort === "EXT");
    const columns = describeColumns(patients, ["sex", "age"]);
    const analyses = columns.map((c) => subgroupAnalysis(patients, c, 0.95));
    const table = subgroupRows(analyses);
    assert.equal(
      table.length,
      analyses.reduce((s, a) => s + a.groups.length, 0),
    );
    assert.equal(table[0]?.q, analyses[0]?.heterogeneity?.q ?? null);
    assert.equal(table[1]?.q, null);
    const forest = subgroupForestRows(analyses[1] as (typeof analyses)[number], {auc: 0.7, ci: [0.6, 0.8]});
    assert.equal(forest.at(-1)?.pooled, true);
    assert.equal(forest.at(-1)?.label, `All (n = ${patients.length})`);
    assert.match(heterogeneitySentence(analyses[1] as (typeof analyses)[number]), /Q = |No test/);
  });
});
