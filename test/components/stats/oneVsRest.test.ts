import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {aucSummary} from "../../../src/components/stats/aucSummary.js";
import {oneVsRest} from "../../../src/components/stats/oneVsRest.js";
import {deriveSeed} from "../../../src/components/stats/random.js";

const labels = ["CR", "PR", "SD", "PD"];
const truth = [0, 0, 1, 1, 2, 2];
const probabilities = [
  [0.7, 0.1, 0.1, 0.1],
  [0.4, 0.3, 0.2, 0.1],
  [0.1, 0.6, 0.2, 0.1],
  [0.5, 0.2, 0.2, 0.1],
  [0.1, 0.1, 0.7, 0.1],
  [0.2, 0.2, 0.5, 0.1],
];

describe("oneVsRest(labels, truth, probabilities, options)", () => {
  it("each class is aucSummary of (truth = c) against P(c), seeded by deriveSeed(seed, label)", () => {
    const options = {bootstrap: 50, seed: 3, ciLevel: 0.95};
    const r = oneVsRest(labels, truth, probabilities, options);
    labels.forEach((label, c) => {
      const expected = aucSummary(
        truth.map((t) => (t === c ? 1 : 0)),
        probabilities.map((p) => p[c]!),
        {...options, seed: deriveSeed(3, label)},
      );
      assert.deepEqual(r.perClass[label], expected);
    });
  });
  it("macro AUC is the mean of the defined per-class AUCs (PD is absent, so it is left out), by hand", () => {
    const r = oneVsRest(labels, truth, probabilities, {bootstrap: 0, seed: 1, ciLevel: 0.95});
    // CR: cases 0.7, 0.4 vs controls 0.1, 0.5, 0.1, 0.2 → 4 + 3 of 8 pairs = 7/8
    assert.equal(r.perClass.CR!.auc, 7 / 8);
    // PR: cases 0.6, 0.2 vs 0.1, 0.3, 0.1, 0.2 → 4 + (2 wins, 1 tie = 2.5) = 6.5/8
    assert.equal(r.perClass.PR!.auc, 6.5 / 8);
    // SD: cases 0.7, 0.5 vs 0.1, 0.2, 0.2, 0.2 → 8/8
    assert.equal(r.perClass.SD!.auc, 1);
    assert.equal(r.perClass.PD!.auc, null);
    assert.equal(r.macroAuc, (7 / 8 + 6.5 / 8 + 1) / 3);
  });
  it("macro AUC is null when no class has one; unequal lengths are refused", () => {
    assert.equal(
      oneVsRest(
        ["A", "B"],
        [0, 0],
        [
          [1, 0],
          [1, 0],
        ],
        {bootstrap: 0, seed: 1, ciLevel: 0.95},
      ).macroAuc,
      null,
    );
    assert.throws(() => oneVsRest(labels, [0], [], {bootstrap: 0, seed: 1, ciLevel: 0.95}), /same length, not 1 and 0/);
  });
});
