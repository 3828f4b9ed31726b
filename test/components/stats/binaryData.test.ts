import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {splitBinary} from "../../../src/components/stats/binaryData.js";

describe("splitBinary(outcome, score)", () => {
  it("puts the scores of 1/true in cases and of 0/false in controls, each in input order", () => {
    const {cases, controls} = splitBinary([1, 0, true, false, 1], [0.9, 0.1, 0.7, 0.3, 0.5]);
    assert.deepEqual([...cases], [0.9, 0.7, 0.5]);
    assert.deepEqual([...controls], [0.1, 0.3]);
    assert.ok(cases instanceof Float64Array && controls instanceof Float64Array);
  });
  it("handles a single class and empty input", () => {
    assert.deepEqual([...splitBinary([1, 1], [2, 3]).controls], []);
    const empty = splitBinary([], []);
    assert.equal(empty.cases.length + empty.controls.length, 0);
  });
  it("refuses unequal lengths, a non-binary outcome and a non-finite score, naming the index", () => {
    assert.throws(() => splitBinary([1, 0], [0.5]), /outcome and score must have the same length, not 2 and 1/);
    assert.throws(() => splitBinary([1, 2], [0.5, 0.5]), /outcome\[1\] must be 0 or 1/);
    assert.throws(() => splitBinary([1, 0], [0.5, Number.NaN]), /score\[1\] must be a finite number, not NaN/);
  });
  it("partitions the scores without mutating the inputs (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.double({noNaN: true, noDefaultInfinity: true}))), (pairs) => {
        const outcome = pairs.map(([y]) => (y ? 1 : 0));
        const score = pairs.map(([, s]) => s);
        const before = [...score];
        const {cases, controls} = splitBinary(outcome, score);
        assert.equal(cases.length, outcome.filter((y) => y === 1).length);
        assert.equal(cases.length + controls.length, score.length);
        assert.deepEqual(
          [...cases],
          score.filter((_, i) => outcome[i] === 1),
        );
        assert.deepEqual(
          [...controls],
          score.filter((_, i) => outcome[i] === 0),
        );
        assert.deepEqual(score, before);
      }),
      {seed: 20200202, numRuns: 200},
    );
  });
});
