import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {inSampleNote} from "../../../src/components/tables/inSample.js";

describe("inSampleNote(cohort, trainingCohort)", () => {
  it("labels the training cohort's numbers in-sample, and only those", () => {
    assert.match(inSampleNote("NFH", "NFH") ?? "", /^In-sample: NFH is the training cohort/);
    assert.equal(inSampleNote("SYUCC", "NFH"), null);
  });
});
