import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {cohortOrder} from "../../../src/components/study/cohortOrder.js";

describe("cohortOrder(cohorts, training, validation)", () => {
  it("puts the training cohort first, then the listed validation cohorts, then the rest by name", () => {
    assert.deepEqual(cohortOrder(["ZHHAJU", "NFH", "SYUCC"], "NFH"), {
      cohorts: ["NFH", "SYUCC", "ZHHAJU"],
      defaultCohort: "SYUCC",
    });
    assert.deepEqual(cohortOrder(["ZHHAJU", "NFH", "SYUCC"], "NFH", ["ZHHAJU"]).cohorts, ["NFH", "ZHHAJU", "SYUCC"]);
    assert.deepEqual(cohortOrder(["A"], "A"), {cohorts: ["A"], defaultCohort: "A"});
    assert.deepEqual(cohortOrder(["B", "C"], "A").cohorts, ["B", "C"]);
  });

  it("property: the same cohorts in any order give the same order, and every cohort appears once", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({minLength: 1, maxLength: 3}), {minLength: 1, maxLength: 6}), (names) => {
        const training = names[0] as string;
        const a = cohortOrder(names, training);
        const b = cohortOrder([...names].reverse(), training);
        assert.deepEqual(a, b);
        assert.deepEqual([...a.cohorts].sort(), [...names].sort());
      }),
    );
  });
});
