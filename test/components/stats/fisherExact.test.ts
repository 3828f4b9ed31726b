import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {fisherExact} from "../../../src/components/stats/fisherExact.js";
import {assertClose} from "./golden.js";

// R golden values are in contingency.test.ts; these are hypergeometric probabilities worked by hand.
describe("fisherExact(table)", () => {
  it("Fisher's tea tasting [[3, 1], [1, 3]]: P(k) = C(4,k)C(4,4−k)/70 = 1,16,36,16,1 /70; two-sided 34/70", () => {
    assertClose(
      fisherExact([
        [3, 1],
        [1, 3],
      ]).p,
      34 / 70,
      1e-12,
    );
  });
  it("[[3, 0], [0, 3]]: P = 1,9,9,1 /20, two-sided 2/20; the middle table [[2, 1], [1, 2]] gives 1", () => {
    assertClose(
      fisherExact([
        [3, 0],
        [0, 3],
      ]).p,
      0.1,
      1e-12,
    );
    assertClose(
      fisherExact([
        [2, 1],
        [1, 2],
      ]).p,
      1,
      1e-12,
    );
  });
  it("3×2 by hand: an empty row is dropped; [[1, 0], [0, 1], [1, 1]] is a most probable table, so p = 1", () => {
    assertClose(
      fisherExact([
        [2, 0],
        [0, 2],
        [0, 0],
      ]).p,
      fisherExact([
        [2, 0],
        [0, 2],
      ]).p,
      1e-15,
    );
    // Margins rows (1, 1, 2), columns (2, 2), n 4. Rows 1 and 2 put their 1 in columns a and b; row 3 is the rest.
    // P = 1!1!2!·2!2!/(4!·∏cells!) = (1/3)/∏cells!: a = b = col 1 or col 2 → row 3 is (0, 2) or (2, 0) → 1/6 each;
    // a ≠ b → row 3 is (1, 1) → 1/3 each (total 1). The observed table is a most probable one, so p = 1.
    assertClose(
      fisherExact([
        [1, 0],
        [0, 1],
        [1, 1],
      ]).p,
      1,
      1e-12,
    );
  });
  it("fewer than two non-empty rows or columns: p = 1; bad tables and too many tables are refused", () => {
    assert.equal(fisherExact([[4, 5]]).p, 1);
    assert.equal(
      fisherExact([
        [0, 3],
        [0, 2],
      ]).p,
      1,
    );
    assert.throws(() => fisherExact([[1, 2], [3]]), /fisherExact: row 1 has 1 columns, expected 2/);
    assert.throws(() => fisherExact([[1.5, 2]]), /cell \[0\]\[0\]/);
    assert.throws(
      () =>
        fisherExact(
          [
            [10, 10, 10],
            [10, 10, 10],
            [10, 10, 10],
          ],
          {maxTables: 100},
        ),
      /more than 100 tables/,
    );
  });
  it("p in (0, 1], unchanged by transposition and by reordering rows (property)", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.array(fc.integer({min: 0, max: 6}), {minLength: 2, maxLength: 3}), {minLength: 2, maxLength: 3})
          .filter((t) => t.every((row) => row.length === t[0]!.length)),
        (t) => {
          const {p} = fisherExact(t);
          assert.ok(p > 0 && p <= 1);
          const transposed = t[0]!.map((_, j) => t.map((row) => row[j]!));
          assertClose(fisherExact(transposed).p, p, 1e-9);
          assertClose(fisherExact([...t].reverse()).p, p, 1e-9);
        },
      ),
      {seed: 20200209, numRuns: 200},
    );
  });
});
