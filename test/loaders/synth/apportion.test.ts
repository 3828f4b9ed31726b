import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {apportion, rankLinkedCategories, shuffle, shuffledCategories} from "../../../loaders/synth/apportion.js";
import {createRng} from "../../../src/components/stats/random.js";

describe("apportion(weights, total)", () => {
  it("reproduces Table 1's response counts from its own counts (NFH 83/151/222/106)", () => {
    assert.deepEqual(apportion([83, 151, 222, 106], 562), [83, 151, 222, 106]);
  });
  it("splits 100 patients by the paper's percentages with largest remainders (14.77/26.87/39.50/18.86 → 15/27/39/19)", () => {
    assert.deepEqual(apportion([14.77, 26.87, 39.5, 18.86], 100), [15, 27, 39, 19]);
  });
  it("always sums to the total and stays within one of each quota (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: 0, max: 1000}), {minLength: 1, maxLength: 8}), fc.nat(2000), (w, total) => {
        fc.pre(w.some((x) => x > 0));
        const counts = apportion(w, total);
        const sum = w.reduce((a, b) => a + b, 0);
        assert.equal(
          counts.reduce((a, b) => a + b, 0),
          total,
        );
        for (const [i, c] of counts.entries()) assert.ok(Math.abs(c - ((w[i] as number) / sum) * total) < 1);
      }),
      {seed: 42, numRuns: 200},
    );
  });
  it("rejects negative or all-zero weights and fractional totals", () => {
    assert.throws(() => apportion([1, -1], 3), /weights/);
    assert.throws(() => apportion([0, 0], 3), /zero/);
    assert.throws(() => apportion([1, 1], 2.5), /total/);
  });
});

describe("shuffle / shuffledCategories / rankLinkedCategories", () => {
  it("shuffle returns a permutation and does not mutate its input", () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffle(input, createRng(3));
    assert.deepEqual(input, [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual([...out].sort(), input);
  });
  it("shuffledCategories keeps the exact counts", () => {
    const cats = shuffledCategories([3, 0, 5], createRng(1));
    assert.equal(cats.filter((c) => c === 0).length, 3);
    assert.equal(cats.filter((c) => c === 2).length, 5);
    assert.equal(cats.length, 8);
  });
  it("rankLinkedCategories with no noise hands categories out in score order", () => {
    const cats = rankLinkedCategories([2, 1, 1], [0.4, 3, 0.1, 2], 0, createRng(1));
    assert.deepEqual(cats, [0, 2, 0, 1]);
  });
  it("rankLinkedCategories rejects counts that do not match the number of scores", () => {
    assert.throws(() => rankLinkedCategories([1, 1], [0, 1, 2], 0, createRng(1)), /counts sum to 2/);
  });
});
