import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {ablationRungs} from "../../../loaders/ablation/ablationRungs.js";
import {chooseBudget} from "../../../loaders/ablation/chooseBudget.js";
import {paperDefaults, switchProtocol} from "../../../loaders/config/protocolDefaults.js";
import {ladderCohort} from "./ladderFixture.js";

describe("chooseBudget", () => {
  const {set, embedded} = ladderCohort("T", [10, 6, 8, 6], 3, ["identity", "flipH"]);
  const d = paperDefaults();
  const paper = {
    ...d,
    model: {...d.model, batchSize: 16, learningRate: 1e-2, epochs: 4},
    augmentation: {...d.augmentation, variants: ["identity" as const, "flipH" as const]},
  };
  const options = ablationRungs(paper, switchProtocol(paper, "corrected"), embedded.labels.length, null)
    .find((r) => r.id === "paper-in-matlab")!
    .options(0);
  const ids = set.records.map((r) => r.patientId);

  it("reads every fold's held-out loss at every candidate and picks the lowest mean", () => {
    const search = chooseBudget(embedded, ids, options, {folds: 3, multipliers: [0.5, 1, 4], baseSteps: 12});
    assert.deepEqual(
      search.candidates.map((c) => [c.multiplier, c.steps]),
      [
        [0.5, 6],
        [1, 12],
        [4, 48],
      ],
    );
    for (const c of search.candidates) {
      assert.equal(c.foldLoss.length, 3);
      assert.ok(Math.abs(c.meanLoss - c.foldLoss.reduce((s, v) => s + v, 0) / 3) < 1e-12);
    }
    const best = Math.min(...search.candidates.map((c) => c.meanLoss));
    assert.equal(search.candidates.find((c) => c.steps === search.chosenSteps)!.meanLoss, best);
    // Separable data: more steps fit better.
    assert.equal(search.chosenSteps, 48);
    assert.equal(search.atLargest, true, "the largest candidate won: flagged");
    assert.deepEqual(chooseBudget(embedded, ids, options, {folds: 3, multipliers: [0.5, 1, 4], baseSteps: 12}), search);
  });

  it("multipliers that round to the same step count are one candidate", () => {
    const search = chooseBudget(embedded, ids, options, {folds: 2, multipliers: [0.01, 0.02, 1], baseSteps: 12});
    assert.deepEqual(
      search.candidates.map((c) => c.steps),
      [1, 12],
    );
  });
});
