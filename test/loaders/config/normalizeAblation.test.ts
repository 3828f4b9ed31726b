import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {normalizeAblation} from "../../../loaders/config/normalizeAblation.js";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {paperDefaults} from "../../../loaders/config/protocolDefaults.js";

describe("normalizeAblation", () => {
  const d = paperDefaults().ablation;

  it("defaults to 5 seeds and 5 folds, the least issue #13 asks, on either protocol", () => {
    assert.deepEqual(normalizeStudyConfig({}).ablation, d);
    assert.deepEqual(normalizeStudyConfig({protocol: "corrected"}).ablation, d);
    assert.equal(d.seeds, 5);
    assert.equal(d.folds, 5);
  });

  it("keeps what the study sets and defaults the rest", () => {
    const a = normalizeAblation({seeds: 7, budgetMultipliers: [1, 3], enabled: false}, d);
    assert.deepEqual(a, {...d, seeds: 7, budgetMultipliers: [1, 3], enabled: false});
  });

  it("refuses bad values with 'expected … got …' naming the key", () => {
    const bad: Array<[unknown, RegExp]> = [
      [{seeds: 0}, /ablation.seeds: expected an integer ≥ 1 and ≤ 20, got 0/],
      [{folds: 1}, /ablation.folds: expected an integer ≥ 2/],
      [{enabled: "yes"}, /ablation.enabled: expected true or false/],
      [{budgetMultipliers: []}, /ablation.budgetMultipliers: expected a non-empty array/],
      [{budgetMultipliers: [1, 0.5]}, /ablation.budgetMultipliers\[1\]: expected increasing values, got 0.5 after 1/],
      [{netBenefitThresholds: [0.2, 1]}, /ablation.netBenefitThresholds\[1\]: expected a finite number > 0 and ≤ 0.99/],
      [{extra: 1}, /ablation.extra: unknown key/],
      [[1], /ablation: expected an object, got an array/],
    ];
    for (const [value, message] of bad) assert.throws(() => normalizeStudyConfig({ablation: value}), message);
  });
});
