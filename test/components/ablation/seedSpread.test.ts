import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {seedSpread} from "../../../src/components/ablation/seedSpread.js";

describe("seedSpread", () => {
  it("mean, SD, min and max over the seeds that have a value; the per-seed list as given", () => {
    const s = seedSpread([0.6, null, 0.8, 0.7]);
    assert.ok(Math.abs(s.mean! - 0.7) < 1e-12);
    // R 4.2: sd(c(0.6, 0.8, 0.7)) = 0.1 (n − 1 in the denominator).
    assert.ok(Math.abs(s.sd! - 0.1) < 1e-12);
    assert.deepEqual({...s, mean: 0, sd: 0}, {mean: 0, sd: 0, min: 0.6, max: 0.8, perSeed: [0.6, null, 0.8, 0.7]});
    assert.deepEqual(seedSpread([null]), {mean: null, sd: null, min: null, max: null, perSeed: [null]});
    assert.equal(seedSpread([0.5, null]).sd, null, "no SD from one seed");
  });

  it("property: min ≤ mean ≤ max", () => {
    fc.assert(
      fc.property(fc.array(fc.double({min: 0, max: 1, noNaN: true}), {minLength: 1, maxLength: 20}), (xs) => {
        const s = seedSpread(xs);
        assert.ok(s.min! <= s.mean! + 1e-15 && s.mean! <= s.max! + 1e-15);
      }),
      {seed: 2, numRuns: 100},
    );
  });
});
