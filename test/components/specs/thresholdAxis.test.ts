import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {decisionCurveSpec} from "../../../src/components/specs/decisionCurveSpec.js";
import {deltaNetBenefitSpec} from "../../../src/components/specs/deltaNetBenefitSpec.js";
import {thresholdAxis} from "../../../src/components/specs/thresholdAxis.js";

describe("thresholdAxis()", () => {
  it("is threshold probability on [0, 1], a fresh object per call", () => {
    const a = thresholdAxis();
    assert.deepEqual(a, {
      field: "threshold",
      type: "quantitative",
      title: "Threshold probability",
      scale: {domain: [0, 1]},
    });
    assert.notEqual(thresholdAxis(), a);
    assert.notEqual(thresholdAxis().scale, a.scale);
  });

  it("is the x axis of the net-benefit and the Δ net-benefit figures alike", () => {
    const point = {threshold: 0.3, difference: 0.02, ci: [-0.01, 0.05] as const};
    const delta = JSON.stringify(deltaNetBenefitSpec([{comparison: "image − clinical", points: [point]}]));
    const curve = JSON.stringify(
      decisionCurveSpec([{threshold: 0.3, netBenefit: 0.1, treatAll: 0.05, treatNone: 0, interventionsAvoided: 12}]),
    );
    const axis = JSON.stringify({x: thresholdAxis()}).slice(1, -1);
    assert.ok(delta.includes(axis), "Δ net benefit");
    assert.ok(curve.includes(axis), "net benefit");
  });
});
