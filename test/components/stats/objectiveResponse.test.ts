import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {meanByGroup, objectiveResponse} from "../../../src/components/stats/objectiveResponse.js";

describe("objectiveResponse(truth, probabilities)", () => {
  it("outcome 1 for CR/PR (classes 0, 1), score P(CR) + P(PR), by hand", () => {
    const {outcome, score} = objectiveResponse(
      [0, 1, 2, 3],
      [
        [0.5, 0.25, 0.125, 0.125],
        [0.25, 0.25, 0.25, 0.25],
        [0, 0.5, 0.5, 0],
        [0.125, 0, 0.375, 0.5],
      ],
    );
    assert.deepEqual([...outcome], [1, 1, 0, 0]);
    assert.deepEqual([...score], [0.75, 0.5, 0.5, 0.125]);
  });
  it("other responder classes can be given", () => {
    const {outcome, score} = objectiveResponse(
      [0, 1],
      [
        [0.5, 0.25, 0.125, 0.125],
        [0.25, 0.5, 0.125, 0.125],
      ],
      [0],
    );
    assert.deepEqual([...outcome], [1, 0]);
    assert.deepEqual([...score], [0.5, 0.25]);
  });
  it("refuses unequal lengths and a missing or non-finite probability, naming row and class", () => {
    assert.throws(() => objectiveResponse([0], []), /same length, not 1 and 0/);
    assert.throws(
      () => objectiveResponse([0], [[0.5]]),
      /probabilities\[0\]\[1\] must be a finite number, not undefined/,
    );
    assert.throws(() => objectiveResponse([0], [[Number.NaN, 0]]), /probabilities\[0\]\[0\]/);
  });
});

describe("meanByGroup(keys, vectors)", () => {
  it("averages per key in first-seen order with counts and first index, by hand", () => {
    const groups = meanByGroup(
      ["b", "a", "b"],
      [
        [1, 0],
        [0.5, 0.5],
        [0, 1],
      ],
    );
    assert.deepEqual(groups, [
      {key: "b", mean: [0.5, 0.5], count: 2, first: 0},
      {key: "a", mean: [0.5, 0.5], count: 1, first: 1},
    ]);
    assert.deepEqual(meanByGroup([], []), []);
  });
  it("refuses unequal lengths, ragged vectors and NaN", () => {
    assert.throws(() => meanByGroup(["a"], []), /same length/);
    assert.throws(() => meanByGroup(["a", "b"], [[1, 2], [1]]), /vectors\[1\] has 1 entries, expected 2/);
    assert.throws(() => meanByGroup(["a"], [[Number.NaN]]), /vectors\[0\]\[0\]/);
  });
  it("counts sum to the input size and each mean lies within its members' range (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("p1", "p2", "p3"), fc.double({min: 0, max: 1, noNaN: true}))),
        (rows) => {
          const groups = meanByGroup(
            rows.map(([k]) => k),
            rows.map(([, v]) => [v, 1 - v]),
          );
          assert.equal(
            groups.reduce((n, g) => n + g.count, 0),
            rows.length,
          );
          for (const g of groups) {
            const values = rows.filter(([k]) => k === g.key).map(([, v]) => v);
            assert.ok(g.mean[0]! >= Math.min(...values) - 1e-12 && g.mean[0]! <= Math.max(...values) + 1e-12);
            assert.equal(rows[g.first]![0], g.key);
          }
        },
      ),
      {seed: 20200213, numRuns: 200},
    );
  });
});
