import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {rungMetrics} from "../../../src/components/ablation/rungMetrics.js";
import type {PredictionRow} from "../../../src/components/stats/evaluatePredictions.js";

const row = (id: string, label: PredictionRow["label"], p: PredictionRow["probabilities"]): PredictionRow => ({
  patientId: id,
  cohort: "A",
  label,
  probabilities: p,
});

describe("rungMetrics", () => {
  it("objective-response AUC, accuracy and macro AUC by hand (4 patients)", () => {
    const m = rungMetrics(
      [
        row("1", "CR", [0.7, 0.1, 0.1, 0.1]), // OR score 0.8, correct
        row("2", "PR", [0.1, 0.2, 0.6, 0.1]), // OR score 0.3, predicted SD: wrong
        row("3", "SD", [0.1, 0.1, 0.7, 0.1]), // OR score 0.2, correct
        row("4", "PD", [0.2, 0.2, 0.1, 0.5]), // OR score 0.4, correct
      ],
      "A",
    );
    // Responders 0.8, 0.3 vs non-responders 0.2, 0.4: pairs won 1 + 1 + 1 + 0 = 3 of 4.
    assert.equal(m.objectiveResponseAuc, 0.75);
    assert.equal(m.accuracy, 0.75);
    // One-vs-rest: CR 1, PR 1 (0.2 beats 0.1, 0.1, 0.2 → ties count ½: (1 + 1 + 0.5)/3), SD 1, PD 1.
    assert.ok(Math.abs(m.macroAuc! - (1 + 2.5 / 3 + 1 + 1) / 4) < 1e-12);
  });

  it("a cohort without rows gives nulls", () => {
    assert.deepEqual(rungMetrics([], "A"), {objectiveResponseAuc: null, accuracy: null, macroAuc: null});
  });
});
