import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {AblationArtifact, ModelRung} from "../../../src/components/ablation/ablationArtifact.js";
import {
  analysisRows,
  comparisonRows,
  diffText,
  ladderRows,
  netBenefitRows,
  rungRows,
  seedComparisonRows,
  spreadText,
} from "../../../src/components/tables/ablationRows.js";
import {estimateFlags} from "../../../src/components/tables/estimateFlags.js";

const spread = (perSeed: number[]) => ({
  mean: perSeed.reduce((s, v) => s + v, 0) / perSeed.length,
  sd: null,
  min: Math.min(...perSeed),
  max: Math.max(...perSeed),
  perSeed,
});
const rung = (id: string, auc: number[], parent: string | null): ModelRung => ({
  id,
  branch: "paper-to-corrected",
  parent,
  change: `change ${id}`,
  diff: parent === null ? [] : [{path: "model.priorCorrection", from: "none", to: "trainingPrevalence"}],
  recipeHash: `hash-${id}`,
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
  ...(parent !== null
    ? {
        vsParent: {
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
            perSeedObjectiveResponse: [
              {auc: 0.74, previousAuc: 0.72, deltaAuc: 0.02, ci: [-0.03, 0.07] as [number, number], p: 0.4},
              {note: "not estimable"},
            ],
            netBenefit: [{threshold: 0.3, difference: 0.01, ci: [-0.02, 0.04] as [number, number]}],
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
  correctedRecipeHash: "hash-two",
  reproducesCorrected: null,
  rungs: [rung("one", [0.6, 0.8], null), rung("two", [0.7, 0.8], "one"), rung("three", [0.7, 0.9], "one")],
  analysis: [
    {id: "patch-naive", change: "naive", level: "patch", cohorts: {A: {auc: 0.7, ci: [0.6, 0.8], width: 0.2, n: 90}}},
  ],
};

describe("ablationRows", () => {
  it("spreadText is mean (SD) [min–max], the SD left out where there is none", () => {
    assert.equal(spreadText({...spread([0.6, 0.8]), sd: 0.1414}), "0.700 (SD 0.141) [0.600–0.800]");
    assert.equal(spreadText(spread([0.6, 0.8])), "0.700 [0.600–0.800]");
    assert.equal(spreadText({mean: null, sd: null, min: null, max: null, perSeed: [null]}), "n/a");
  });

  it("rung rows: each rung's parent and its one change as data; the corrected recipe is named", () => {
    const rows = rungRows(artifact);
    assert.deepEqual(
      rows.map((r) => [r.rung, r.parent, r.diff, r.recipeHash]),
      [
        ["one", "–", "(the starting point)", "hash-one"],
        ["two", "one", "model.priorCorrection: none → trainingPrevalence", "hash-two (= corrected)"],
        ["three", "one", "model.priorCorrection: none → trainingPrevalence", "hash-three"],
      ],
    );
    assert.equal(
      diffText([
        {
          path: ["model.head", "model.loss"],
          from: ["sigmoid", "binaryCrossentropy"],
          to: ["softmax", "categoricalCrossentropy"],
        },
      ]),
      "model.head + model.loss: sigmoid + binaryCrossentropy → softmax + categoricalCrossentropy",
    );
  });

  it("ladder rows: rung × cohort, external cohorts first, the training cohort labelled in-sample", () => {
    const rows = ladderRows(artifact);
    assert.deepEqual(
      rows.map((r) => `${r.step}:${r.cohort}`),
      ["1:A", "1:T (training, in-sample)", "2:A", "2:T (training, in-sample)", "3:A", "3:T (training, in-sample)"],
    );
    assert.equal(rows[0]!.orAucText, "0.700 [0.600–0.800]");
    assert.ok(Math.abs(rows[0]!.orAuc! - 0.7) < 1e-12);
    assert.equal(rows[0]!.steps, "100");
  });

  it("comparison rows: one per rung after the first and external cohort, against its parent, with CI, p, Holm's p and the seed range", () => {
    const [row, other] = comparisonRows(artifact);
    assert.equal(comparisonRows(artifact).length, 2);
    assert.deepEqual(
      {rung: row!.rung, previous: row!.previous, delta: row!.deltaAuc, ci: row!.ci, p: row!.pText},
      {rung: "two", previous: "one", delta: 0.05, ci: "[-0.010, 0.110]", p: "0.1234"},
    );
    assert.equal(other!.previous, "one", "a branch's rung is compared with its parent, not the row above");
    // R 4.2: p.adjust(c(0.1234, 0.1234), method = "holm") = 0.2468 0.2468.
    assert.deepEqual([row!.pHolm, other!.pHolm], [0.2468, 0.2468]);
    assert.equal(row!.perSeed, "0.050 [0.020–0.080]");
    const [cr] = comparisonRows(artifact, "CR");
    assert.equal(cr!.deltaAuc, null);
    assert.equal(cr!.deltaAucText, "not estimable");
  });

  it("seed rows: each seed's paired ΔAUC with its interval, or why it is not estimable", () => {
    const rows = seedComparisonRows(artifact).filter((r) => r.rung === "two");
    assert.deepEqual(
      rows.map((r) => [r.seed, r.deltaAuc, r.deltaAucText]),
      [
        [1, 0.02, "0.020 [-0.030, 0.070]"],
        [2, null, "not estimable"],
      ],
    );
  });

  it("ΔNB rows: one per rung, cohort and threshold, the estimate with its interval and no p-value", () => {
    assert.deepEqual(netBenefitRows(artifact).slice(0, 1), [
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
