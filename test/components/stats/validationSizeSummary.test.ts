import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {rileyValidationBinary} from "../../../src/components/stats/validationSampleSize.js";
import {validationSizeRow} from "../../../src/components/stats/validationSizeSummary.js";

describe("validationSizeRow", () => {
  const anticipated = {cstatistic: 0.78, threshold: 0.5};
  it("the cohort's own prevalence, the training C, a binormal LP and the responder threshold", () => {
    const row = validationSizeRow("ZHHAJU", 120, 48, anticipated);
    const r = rileyValidationBinary({prevalence: 0.4, cstatistic: 0.78, lp: {kind: "binormal"}}, {threshold: 0.5});
    assert.equal(row.prevalence, 0.4);
    assert.equal(row.required, r.n);
    assert.deepEqual(row.criteria, {
      oe: r.oe,
      calibrationSlope: r.calibrationSlope,
      cStatistic: r.cStatistic,
      netBenefit: r.netBenefit,
    });
    assert.equal(row.enough, 120 >= r.n);
  });
  it("no requirement without both outcomes, without patients, or without a usable C — with the reason", () => {
    assert.equal(validationSizeRow("A", 30, 0, anticipated).note, "responders or non-responders only");
    assert.equal(validationSizeRow("A", 30, 30, anticipated).note, "responders or non-responders only");
    assert.equal(validationSizeRow("A", 0, 0, anticipated).note, "no patient");
    const flat = validationSizeRow("A", 30, 10, {cstatistic: 0.5, threshold: 0.5});
    assert.equal(flat.required, null);
    assert.match(flat.note ?? "", /apparent C \(0\.5\) is not in \(0\.5, 1\)/);
    assert.match(validationSizeRow("A", 30, 10, {cstatistic: null, threshold: 0.5}).note ?? "", /n\/a/);
  });
});
