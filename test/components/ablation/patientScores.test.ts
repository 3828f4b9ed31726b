import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {patientScores} from "../../../src/components/ablation/patientScores.js";

describe("patientScores", () => {
  it("one entry per patient of the cohort: its class index and the mean of its patches' vectors", () => {
    const s = patientScores(
      [
        {patientId: "x", cohort: "A", label: "SD", probabilities: [0.1, 0.1, 0.6, 0.2], patchId: "x1"},
        {patientId: "y", cohort: "B", label: "CR", probabilities: [1, 0, 0, 0], patchId: "y1"},
        {patientId: "x", cohort: "A", label: "SD", probabilities: [0.3, 0.1, 0.4, 0.2], patchId: "x2"},
      ],
      "A",
    );
    assert.deepEqual(s.ids, ["x"]);
    assert.deepEqual(s.truth, [2]);
    assert.deepEqual(
      s.probabilities[0]!.map((v) => Math.round(v * 1e12) / 1e12),
      [0.2, 0.1, 0.5, 0.2],
    );
  });
});
