import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {AblationArtifact, ModelRung} from "../../../src/components/ablation/ablationArtifact.js";
import {
  analysisRows,
  comparisonRows,
  ladderRows,
  netBenefitRows,
  spreadText,
} from "../../../src/components/tables/ablationRows.js";
import {estimateFlags} from "../../../src/components/tables/estimateFlags.js";

const spread = (perSeed: number[]) => ({
  mean: perSeed.reduce((s, v) => s + v, 0) / perSeed.length,
  min: Math.min(...perSeed),
  max: Math.max(...perSeed),
  perSeed,
});
const rung = (id: string, auc: number[], withComparison: boolean): ModelRung => ({
  id,
  change: `change ${id}`,
  settings: {},
  seeds: [1, 2],
  steps: [100, 100],
  cohorts: {
    T: {
      inSample: true,
      patient: {objectiveResponseAuc: spread([0.9, 0.95]), accuracy: spread([0.8, 0.8]), macroAuc: spread([0.9, 0.9])},
    },
    A: {
      inSample: false,
      patient: {objectiveResponseAuc: spread(auc), accuracy: spread([0.5, 0.6]), macroAuc: spread([0.7, 0.7])},
    },
  },
  ...(withComparison
    ? {
        vsPrevious: {
          A: {
            patients: 30,
            deltaAuc: 0.05,
            ci: [-0.01, 0.11] as [number, number],
            p: 0.1234,
            objectiveResponse: {
              auc: 0.75,
              previousAuc: 0.7,
              deltaAuc: 0.05,
              ci: [-0.01, 0.11] as [number, number],
              p: 0.1234,
            },
            perClass: {CR: {note: "not estimable"}},
            perSeedDeltaAuc: spread([0.02, 0.08]),
            netBenefit: [{threshold: 0.3, difference: 0.01, ci: [-0.02, 0.04] as [number, number], p: 0.5}],
          },
        },
      }
    : {}),
});
const artifact: AblationArtifact = {
  enabled: true,
  provenance: null,
  trainingCohort: "T",
  externalCohorts: ["A"],
  options: {seeds: 2, bootstrap: 100, ciLevel: 0.95, thresholds: [0.3], pairing: "seed-averaged"},
  budget: null,
  rungs: [rung("one", [0.6, 0.8], false), rung("two", [0.7, 0.8], true)],
  analysis: [
    {id: "patch-naive", change: "naive", level: "patch", cohorts: {A: {auc: 0.7, ci: [0.6, 0.8], width: 0.2, n: 90}}},
  ],
};

describe("ablationRows", () => {
  it("spreadText is mean [min–max]", () => {
    assert.equal(spreadText(spread([0.6, 0.8])), "0.700 [0.600–0.800]");
    assert.equal(spreadText({mean: null, min: null, max: null, perSeed: [null]}), "n/a");
  });

  it("ladder rows: rung × cohort, external cohorts first, the training cohort labelled in-sample", () => {
    const rows = ladderRows(artifact);
    assert.deepEqual(
      rows.map((r) => `${r.step}:${r.cohort}`),
      ["1:A", "1:T (training, in-sample)", "2:A", "2:T (training, in-sample)"],
    );
    assert.equal(rows[0]!.orAucText, "0.700 [0.600–0.800]");
    assert.ok(Math.abs(rows[0]!.orAuc! - 0.7) < 1e-12);
    assert.equal(rows[0]!.steps, "100");
  });

  it("comparison rows: one per rung after the first and external cohort, with CI, p and the seed range", () => {
    const [row] = comparisonRows(artifact);
    assert.equal(comparisonRows(artifact).length, 1);
    assert.deepEqual(
      {rung: row!.rung, previous: row!.previous, delta: row!.deltaAuc, ci: row!.ci, p: row!.pText},
      {rung: "two", previous: "one", delta: 0.05, ci: "[-0.010, 0.110]", p: "0.1234"},
    );
    assert.equal(row!.perSeed, "0.050 [0.020–0.080]");
    const [cr] = comparisonRows(artifact, "CR");
    assert.equal(cr!.deltaAuc, null);
    assert.equal(cr!.deltaAucText, "not estimable");
  });

  it("ΔNB rows: one per rung, cohort and threshold, the estimate with its interval and no p-value", () => {
    assert.deepEqual(netBenefitRows(artifact), [
      {
        rung: "two",
        previous: "one",
        cohort: "A",
        threshold: 0.3,
        deltaNb: 0.01,
        deltaNbCi: [-0.02, 0.04],
        deltaNbText: "0.010 [-0.020, 0.040]",
        deltaNbNotes: estimateFlags({n: comparisonRows(artifact)[0]!.patients, ci: [-0.02, 0.04]}),
      },
    ]);
  });

  it("analysis rows carry the interval and its width", () => {
    assert.deepEqual(analysisRows(artifact), [
      {
        step: "patch-naive",
        change: "naive",
        cohort: "A",
        n: 90,
        auc: 0.7,
        ci: "[0.600, 0.800]",
        width: 0.2,
        aucNotes: [],
      },
    ]);
  });
});
