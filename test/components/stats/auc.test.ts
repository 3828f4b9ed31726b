import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {auc} from "../../../src/components/stats/auc.js";
import {assertClose, datasetNames, golden} from "./golden.js";

/** Brute-force definition, independent of the implementation: P(case > control) + ½ P(tie). */
function bruteAuc(y: number[], s: number[]): number {
  let sum = 0;
  let pairs = 0;
  y.forEach((yi, i) => {
    y.forEach((yj, j) => {
      if (yi === 1 && yj === 0) {
        pairs++;
        sum += (s[i] as number) > (s[j] as number) ? 1 : s[i] === s[j] ? 0.5 : 0;
      }
    });
  });
  return sum / pairs;
}

const labelled = fc
  .array(fc.tuple(fc.boolean(), fc.integer({min: -20, max: 20})), {minLength: 2, maxLength: 60})
  .filter((rows) => rows.some(([y]) => y) && rows.some(([y]) => !y))
  .map((rows) => ({y: rows.map(([y]) => (y ? 1 : 0)), s: rows.map(([, s]) => s / 4)}));

describe("auc(outcome, score)", () => {
  for (const name of datasetNames) {
    it(`matches pROC auc() on ${name} to 1e-9 (golden)`, () => {
      const d = golden.datasets[name];
      assertClose(auc(d.outcome, d.score) as number, d.auc.value, 1e-9);
    });
  }
  it("counts ties as ½", () => {
    assert.equal(auc([1, 0], [0.5, 0.5]), 0.5);
    assert.equal(auc([1, 1, 0, 0], [1, 2, 2, 0]), (0 + 1 + 0.5 + 1) / 4);
  });
  it("returns null for empty input or a single class", () => {
    assert.equal(auc([], []), null);
    assert.equal(auc([1, 1], [0.2, 0.3]), null);
    assert.equal(auc([0, 0], [0.2, 0.3]), null);
  });
  it("throws a RangeError naming the index of a NaN score or a non-binary outcome", () => {
    assert.throws(() => auc([1, 0, 1], [0.1, Number.NaN, 0.3]), /score\[1\]/);
    assert.throws(() => auc([1, 2], [0.1, 0.2]), /outcome\[1\]/);
    assert.throws(() => auc([1], [0.1, 0.2]), RangeError);
  });
  it("accepts booleans and does not mutate its inputs", () => {
    const y = [true, false, true];
    const s = [0.9, 0.1, 0.4];
    assert.equal(auc(y, s), 1);
    assert.deepEqual(s, [0.9, 0.1, 0.4]);
  });
  it("property: equals the pairwise definition and lies in [0, 1]", () => {
    fc.assert(
      fc.property(labelled, ({y, s}) => {
        const a = auc(y, s) as number;
        assert.ok(a >= 0 && a <= 1);
        assertClose(a, bruteAuc(y, s), 1e-12, 1e-12);
      }),
      {seed: 20200101, numRuns: 200},
    );
  });
  it("property: auc(y, −s) = 1 − auc(y, s)", () => {
    fc.assert(
      fc.property(labelled, ({y, s}) => {
        assertClose(
          auc(
            y,
            s.map((v) => -v),
          ) as number,
          1 - (auc(y, s) as number),
          1e-12,
          1e-12,
        );
      }),
      {seed: 20200102, numRuns: 200},
    );
  });
  it("property: invariant under strictly increasing maps of the score", () => {
    fc.assert(
      fc.property(labelled, ({y, s}) => {
        const a = auc(y, s) as number;
        assert.equal(
          auc(
            y,
            s.map((v) => Math.exp(v / 3) * 2 + 1),
          ),
          a,
        );
        assert.equal(
          auc(
            y,
            s.map((v) => v ** 3),
          ),
          a,
        );
      }),
      {seed: 20200103, numRuns: 200},
    );
  });
});
