import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {pairedComparison} from "../../../src/components/predictions/pairedComparison.js";
import type {PredictionRecord} from "../../../src/components/predictions/predictionColumns.js";
import {NetBenefitThresholds} from "../../../src/components/stats/netBenefitThresholds.js";
import {DecisionTableThresholds} from "../../../src/components/tables/decisionTable.js";

describe("NetBenefitThresholds", () => {
  it("0.2 to 0.6 by 0.1, strictly inside (0, 1)", () => {
    assert.deepEqual([...NetBenefitThresholds], [0.2, 0.3, 0.4, 0.5, 0.6]);
  });
  it("is the decision-curve table's thresholds and the Your predictions comparison's ΔNB thresholds", () => {
    assert.equal(DecisionTableThresholds, NetBenefitThresholds);
    const labels = ["CR", "PD", "PR", "SD"] as const;
    const rows = labels.map(
      (label, i) =>
        ({
          patientId: `p${i}`,
          cohort: "A",
          label,
          probabilities: [0.4 - 0.1 * i, 0.2, 0.2, 0.2 + 0.1 * i],
        }) as unknown as PredictionRecord,
    );
    const [c] = pairedComparison(rows, rows, {bootstrap: 0, seed: 1, ciLevel: 0.95});
    assert.deepEqual(
      c?.netBenefit.map((n) => n.threshold),
      [...NetBenefitThresholds],
    );
  });
});
