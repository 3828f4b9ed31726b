import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {AblationArtifact, ModelRung} from "../../../src/components/ablation/ablationArtifact.js";
import {seedSpread} from "../../../src/components/ablation/seedSpread.js";
import {ladderCaption, ladderChartNote, rungsCaption} from "../../../src/components/tables/ablationCaptions.js";
import {ladderRows, spreadText} from "../../../src/components/tables/ablationRows.js";

/** A rung trained with `seeds` seeds whose external cohort's objective-response AUC per seed is `auc`. */
const rung = (id: string, seeds: number[], auc: Array<number | null>): ModelRung => {
  const all = (v: number) => seedSpread(seeds.map(() => v));
  return {
    id,
    branch: "paper-to-corrected",
    parent: null,
    change: `change ${id}`,
    diff: [],
    recipeHash: id,
    settings: {},
    seeds,
    steps: seeds.map(() => 100),
    cohorts: {
      T: {inSample: true, patient: {objectiveResponseAuc: all(0.9), accuracy: all(0.8), macroAuc: all(0.9)}},
      A: {inSample: false, patient: {objectiveResponseAuc: seedSpread(auc), accuracy: all(0.6), macroAuc: all(0.7)}},
    },
  };
};

const ladder = (rungs: ModelRung[]): AblationArtifact => ({
  enabled: true,
  provenance: null,
  trainingCohort: "T",
  externalCohorts: ["A"],
  // The configured count says 5 whatever the rungs hold: the captions must not read it.
  options: {seeds: 5, bootstrap: 100, ciLevel: 0.9, thresholds: [0.3], pairing: "seed-averaged"},
  correctedRecipeHash: "",
  reproducesCorrected: null,
  budget: null,
  rungs,
  analysis: [],
});

describe("ablation captions count the seeds that have a value", () => {
  const seeds = [1, 2, 3, 4, 5];

  it("says 'over 5 seeds' when every seed of every cell has a value", () => {
    const full = ladder([rung("one", seeds, [0.6, 0.7, 0.8, 0.7, 0.6]), rung("two", seeds, [0.7, 0.7, 0.7, 0.7, 0.7])]);
    assert.equal(ladderCaption(full), "Patient level, mean (SD) [min–max] over 5 seeds.");
    assert.equal(ladderChartNote(full), "5 seeds per rung");
    assert.equal(rungsCaption(full), "Each rung is trained with 5 seeds (seeds.training + k, seeds.augmentation + k).");
  });

  it("says how many cells rest on fewer seeds, and the cell says 'k of n seeds'", () => {
    const gaps = ladder([
      rung("one", seeds, [0.6, null, 0.8, null, 0.6]),
      rung("two", seeds, [0.7, 0.7, null, 0.7, 0.7]),
    ]);
    assert.equal(
      ladderCaption(gaps),
      "Patient level, mean (SD) [min–max] over each rung's 5 seeds that have a value: 2 cells rest on fewer and say how " +
        'many ("k of n seeds"), 3 seed values in all being undefined (e.g. one outcome class in the cohort).',
    );
    assert.equal(ladderChartNote(gaps), "5 seeds per rung; 3 seeds' AUCs are undefined and not drawn");
    const first = ladderRows(gaps).find((r) => r.rung === "one" && r.cohort === "A");
    assert.equal(first?.orAucText, "0.667 (SD 0.115) [0.600–0.800] (3 of 5 seeds)");
    assert.ok(Math.abs((first?.orAuc as number) - 2 / 3) < 1e-12, "the mean is over the 3 seeds with a value");
    const training = ladderRows(gaps).find((r) => r.rung === "one" && r.inSample);
    assert.equal(training?.orAucText, "0.900 (SD 0.000) [0.900–0.900]", "a full cell carries no count");
  });

  it("one undefined seed reads in the singular; no value at all reads n/a", () => {
    const one = ladder([rung("one", [1, 2, 3], [0.6, null, 0.8])]);
    assert.match(ladderCaption(one), /: 1 cell rests on fewer .* 1 seed value in all being undefined/);
    assert.equal(ladderChartNote(one), "3 seeds per rung; 1 seed's AUC is undefined and not drawn");
    assert.equal(spreadText(seedSpread([null, null])), "n/a");
  });

  it("counts the seeds the rungs hold, as a range when they differ", () => {
    const uneven = ladder([rung("one", [1, 2, 3], [0.6, 0.7, 0.8]), rung("two", seeds, [0.7, 0.7, 0.7, 0.7, 0.7])]);
    assert.equal(ladderCaption(uneven), "Patient level, mean (SD) [min–max] over 3–5 seeds.");
    assert.equal(ladderChartNote(uneven), "3–5 seeds per rung");
    assert.match(rungsCaption(uneven), /^Each rung is trained with 3–5 seeds/);
  });
});
