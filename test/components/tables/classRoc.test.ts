import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {classColors} from "../../../src/components/specs/palette.js";
import type {AucSummary} from "../../../src/components/stats/aucSummary.js";
import {evaluatePredictions} from "../../../src/components/stats/evaluatePredictions.js";
import {rocBand} from "../../../src/components/stats/rocBand.js";
import {ResponseLabels} from "../../../src/components/study/vocabulary.js";
import {classRocBands, classRocSeries} from "../../../src/components/tables/classRoc.js";
import {levelInputs} from "../../../src/components/tables/levelInputs.js";
import {predictionRows} from "./evaluationFixture.js";

describe("classRocBands(inputs, {method, replicates, seed})", () => {
  const rows = predictionRows();
  const patches = levelInputs(rows, "patch");
  const patients = levelInputs(rows, "patient");
  const options = {replicates: 40, seed: 11};
  const outcome = (truth: number[], c: number) => truth.map((t) => (t === c ? 1 : 0));

  it("gives no band for DeLong, nor with 0 replicates", () => {
    for (const bands of [
      classRocBands(patches, {...options, method: "delong"}),
      classRocBands(patches, {...options, method: "cluster", replicates: 0}),
    ]) {
      assert.deepEqual(Object.keys(bands), [...ResponseLabels]);
      assert.ok(Object.values(bands).every((b) => b.length === 0));
    }
  });

  it("resamples patients at patch level under the patient-cluster bootstrap, patches under the naive one", () => {
    const cluster = classRocBands(patches, {...options, method: "cluster"});
    const naive = classRocBands(patches, {...options, method: "naive"});
    ResponseLabels.forEach((label, c) => {
      const y = outcome(patches.truth, c);
      const s = patches.probabilities.map((p) => p[c] as number);
      assert.deepEqual(cluster[label], rocBand(y, s, {...options, clusters: patches.clusters ?? []}), label);
      assert.deepEqual(naive[label], rocBand(y, s, options), label);
      assert.ok(cluster[label].length > 0);
    });
    assert.notDeepEqual(cluster.CR, naive.CR, "the two bootstraps draw different resamples");
  });

  it("at patient level the items are patients, so both bootstraps give the same band", () => {
    const cluster = classRocBands(patients, {...options, method: "cluster"});
    assert.deepEqual(cluster, classRocBands(patients, {...options, method: "naive"}));
  });

  it("passes the interval level on", () => {
    const narrow = classRocBands(patches, {...options, method: "naive", ciLevel: 0.5});
    const wide = classRocBands(patches, {...options, method: "naive"});
    const width = (b: typeof wide.CR) => b.reduce((a, p) => a + p.upper - p.lower, 0);
    assert.ok(width(narrow.CR) < width(wide.CR));
  });
});

describe("classRocSeries(level, method, bands)", () => {
  const level = evaluatePredictions(predictionRows(), {bootstrap: 30, seed: 5, ciLevel: 0.95}).cohorts.X?.patch;
  assert.ok(level);
  const empty = {CR: [], PR: [], SD: [], PD: []};

  it("one series per class in class order and colour, with the AUC and the chosen interval", () => {
    const series = classRocSeries(level, "delong", empty);
    assert.deepEqual(
      series.map((s) => [s.label, s.color]),
      ResponseLabels.map((l) => [l, classColors[l]]),
    );
    for (const [i, label] of ResponseLabels.entries()) {
      const summary: AucSummary = level.perClass[label];
      assert.equal(series[i]?.auc, summary.auc);
      assert.deepEqual(series[i]?.ci, summary.ciDeLong);
      assert.equal(series[i]?.points, summary.roc);
    }
    assert.deepEqual(classRocSeries(level, "naive", empty)[0]?.ci, level.perClass.CR.ciBootstrapNaive);
    assert.deepEqual(classRocSeries(level, "cluster", empty)[0]?.ci, level.perClass.CR.ciBootstrap);
  });

  it("carries each class's band", () => {
    const band = [{specificity: 0.5, lower: 0.2, upper: 0.9}];
    assert.equal(classRocSeries(level, "cluster", {...empty, SD: band})[2]?.band, band);
  });
});
