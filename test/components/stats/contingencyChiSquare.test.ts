import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {chiSquareSurvival} from "../../../src/components/stats/chiSquare.js";
import {chiSquareTest} from "../../../src/components/stats/contingencyChiSquare.js";
import {assertClose} from "./golden.js";

// R golden values for this function are in contingency.test.ts (test/golden/stats.json); these are worked by hand.
describe("chiSquareTest(table)", () => {
  it("2×2 by hand: [[10, 20], [20, 10]] has E = 15 everywhere; Yates 4·4.5²/15 = 5.4, uncorrected 4·5²/15", () => {
    const t = [
      [10, 20],
      [20, 10],
    ];
    const yates = chiSquareTest(t);
    assertClose(yates.statistic, 5.4, 1e-12);
    assert.equal(yates.df, 1);
    assert.equal(yates.yates, true);
    assertClose(yates.p as number, chiSquareSurvival(5.4, 1), 1e-12);
    const plain = chiSquareTest(t, {correct: false});
    assertClose(plain.statistic, 20 / 3, 1e-12);
    assert.equal(plain.yates, false);
  });
  it("Yates never over-corrects: |O − E| < 0.5 contributes 0 (table equal to its expectation: statistic 0, p 1)", () => {
    const r = chiSquareTest([
      [5, 5],
      [5, 5],
    ]);
    assert.equal(r.statistic, 0);
    assert.equal(r.p, 1);
  });
  it("2×3 by hand: [[10, 0, 5], [0, 10, 5]] (E = 5 in the outer columns, 5 in the middle pair) gives 20 on 2 df", () => {
    // rows 15/15, columns 10/10/10, n 30: E = 5 everywhere; (5² + 5² + 0 + 5² + 5² + 0)/5 = 20
    const r = chiSquareTest([
      [10, 0, 5],
      [0, 10, 5],
    ]);
    assertClose(r.statistic, 20, 1e-12);
    assert.equal(r.df, 2);
    assert.equal(r.yates, false);
    assertClose(r.p as number, Math.exp(-10), 1e-10); // χ²₂ survival is e^(−x/2)
  });
  it("an all-zero column is dropped before testing (2×3 with an empty column = the 2×2)", () => {
    const a = chiSquareTest([
      [10, 0, 20],
      [20, 0, 10],
    ]);
    assert.deepEqual(
      a,
      chiSquareTest([
        [10, 20],
        [20, 10],
      ]),
    );
  });
  it("is invariant under transposition and row/column order (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({min: 1, max: 40}), {minLength: 3, maxLength: 3}), {minLength: 2, maxLength: 4}),
        (t) => {
          const r = chiSquareTest(t);
          const transposed = t[0]!.map((_, j) => t.map((row) => row[j]!));
          const reversed = [...t].reverse().map((row) => [...row].reverse());
          assertClose(chiSquareTest(transposed).statistic, r.statistic, 1e-9, 1e-12);
          assertClose(chiSquareTest(reversed).statistic, r.statistic, 1e-9, 1e-12);
          assert.ok((r.p as number) >= 0 && (r.p as number) <= 1);
        },
      ),
      {seed: 20200208, numRuns: 200},
    );
  });
  it("refuses an empty table", () => {
    assert.throws(() => chiSquareTest([]), /chiSquareTest: empty table/);
  });
});
