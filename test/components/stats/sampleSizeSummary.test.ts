import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {rileyBinary} from "../../../src/components/stats/sampleSize.js";
import {AnticipatedR2Share, sampleSizeRow} from "../../../src/components/stats/sampleSizeSummary.js";

describe("sampleSizeRow", () => {
  it("a two-class outcome needs what pmsampsize's binary criteria need, at 15% of the maximum R²cs", () => {
    const row = sampleSizeRow("m", 5, [30, 70]);
    const phi = 0.7;
    const maxR2 = 1 - (phi ** phi * (1 - phi) ** (1 - phi)) ** 2;
    const binary = rileyBinary({r2cs: AnticipatedR2Share * maxR2, parameters: 6, prevalence: phi});
    assert.equal(row.required, binary.n);
    assert.equal(row.parametersPerPair, 6);
    assert.equal(row.trainingPatients, 100);
    assert.deepEqual(row.eventsPerClass, [30, 70]);
    assert.equal(row.eventsPerParameter, 5);
  });

  it("more candidate predictors never need fewer patients; the criteria are reported", () => {
    const counts = [20, 30, 25, 25];
    let previous = 0;
    for (const p of [1, 4, 10, 40, 2048]) {
      const row = sampleSizeRow(`p${p}`, p, counts);
      assert.ok(row.required !== null && row.required >= previous, `${p} predictors: ${row.required}`);
      assert.ok(row.criteria && row.required === Math.ceil(Math.max(...Object.values(row.criteria))));
      previous = row.required;
    }
  });

  it("a class without training patients gives no requirement, with the reason", () => {
    const row = sampleSizeRow("m", 3, [10, 0, 5, 5]);
    assert.equal(row.required, null);
    assert.equal(row.criteria, null);
    assert.equal(row.note, "a class has no training patient");
    assert.equal(row.eventsPerParameter, 0);
  });
});
