import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {pooledRanks, rank, sortedOrder} from "../../../src/components/stats/rank.js";

describe("rank(values)", () => {
  it("gives 1-based average ranks (R rank, ties.method = 'average'), by hand", () => {
    const r = rank([30, 10, 20, 20]);
    assert.deepEqual([...r.ranks], [4, 1, 2.5, 2.5]);
    // one tie of t = 2: Σ(t³ − t) = 6
    assert.equal(r.tieCorrection, 6);
    assert.equal(r.hasTies, true);
  });
  it("all tied: every rank (n + 1)/2 and correction n³ − n; no ties: correction 0", () => {
    const all = rank([7, 7, 7, 7, 7]);
    assert.deepEqual([...all.ranks], [3, 3, 3, 3, 3]);
    assert.equal(all.tieCorrection, 120);
    const none = rank([3, -1, 2]);
    assert.deepEqual([...none.ranks], [3, 1, 2]);
    assert.equal(none.tieCorrection, 0);
    assert.equal(none.hasTies, false);
  });
  it("empty input gives empty ranks; NaN is refused naming the index", () => {
    assert.equal(rank([]).ranks.length, 0);
    assert.throws(() => rank([1, Number.NaN]), /values\[1\] must be a finite number/);
  });
  it("ranks sum to n(n + 1)/2, agree with pairwise counts, and are invariant under a monotone transform (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: -20, max: 20}), {maxLength: 60}), (xs) => {
        const {ranks} = rank(xs);
        const n = xs.length;
        assert.equal(
          ranks.reduce((a, b) => a + b, 0),
          (n * (n + 1)) / 2,
        );
        xs.forEach((x, i) => {
          // average rank = #below + (#equal + 1)/2
          const below = xs.filter((y) => y < x).length;
          const equal = xs.filter((y) => y === x).length;
          assert.equal(ranks[i], below + (equal + 1) / 2);
        });
        assert.deepEqual([...rank(xs.map((x) => 3 * x + 1)).ranks], [...ranks]);
      }),
      {seed: 20200204, numRuns: 200},
    );
  });
});

describe("sortedOrder(values)", () => {
  it("orders indices by ascending value, ties in index order (stable)", () => {
    assert.deepEqual([...sortedOrder([2, 1, 2, 0])], [3, 1, 0, 2]);
    assert.deepEqual([...sortedOrder([])], []);
  });
  it("does not reorder its input", () => {
    const xs = [3, 1, 2];
    sortedOrder(xs);
    assert.deepEqual(xs, [3, 1, 2]);
  });
});

describe("pooledRanks(cases, controls)", () => {
  it("ranks the two groups together, cases first, ties averaged across groups", () => {
    assert.deepEqual([...pooledRanks([0.9, 0.4], [0.4, 0.1, 0.7])], [5, 2.5, 2.5, 1, 4]);
    assert.deepEqual([...pooledRanks([], [3, 1])], [2, 1]);
  });
  it("equals the ranks of the concatenation (property)", () => {
    const group = fc.array(fc.integer({min: -5, max: 5}), {maxLength: 12});
    fc.assert(
      fc.property(group, group, (a, b) => {
        assert.deepEqual(pooledRanks(a, b), rank([...a, ...b]).ranks);
      }),
      {seed: 23},
    );
  });
});
