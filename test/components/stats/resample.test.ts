import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {createRng} from "../../../src/components/stats/random.js";
import {clusterDesign, drawWeights, itemDesign} from "../../../src/components/stats/resample.js";

describe("itemDesign(stratumOf)", () => {
  it("every item its own cluster; strata in ascending stratum order, items in input order", () => {
    const d = itemDesign([1, 0, 1, 0, 0]);
    assert.equal(d.size, 5);
    assert.equal(d.clusterCount, 5);
    assert.deepEqual([...d.clusterOf], [0, 1, 2, 3, 4]);
    assert.deepEqual(
      d.strata.map((s) => [...s]),
      [
        [1, 3, 4],
        [0, 2],
      ],
    );
  });
});

describe("clusterDesign(clusterKey, stratumOf)", () => {
  it("clusters numbered in first-seen order; a cluster's stratum is its first item's", () => {
    const d = clusterDesign(["p1", "p2", "p1", "p3"], [0, 1, 0, 0]);
    assert.deepEqual([...d.clusterOf], [0, 1, 0, 2]);
    assert.equal(d.clusterCount, 3);
    assert.deepEqual(
      d.strata.map((s) => [...s]),
      [[0, 2], [1]],
    );
  });
  it("refuses keys and strata of unequal length", () => {
    assert.throws(() => clusterDesign(["a"], [0, 1]), /same length/);
  });
});

describe("drawWeights(design, rng, weights, clusterCounts)", () => {
  it("is deterministic given the rng seed", () => {
    const d = clusterDesign(["a", "a", "b", "c", "d"], [0, 0, 0, 1, 1]);
    const draw = (seed: number) => {
      const w = new Float64Array(d.size);
      drawWeights(d, createRng(seed), w, new Uint32Array(d.clusterCount));
      return [...w];
    };
    assert.deepEqual(draw(7), draw(7));
  });
  it("each stratum draws as many clusters as it holds, and a cluster's items share its weight (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({min: 0, max: 7}), fc.integer({min: 0, max: 2})), {minLength: 1, maxLength: 40}),
        fc.integer(),
        (rows, seed) => {
          // a cluster's stratum must be fixed: take it from the cluster key
          const keys = rows.map(([k]) => k);
          const strata = rows.map(([k]) => k % 3);
          const d = clusterDesign(keys, strata);
          const weights = new Float64Array(d.size);
          const counts = new Uint32Array(d.clusterCount);
          drawWeights(d, createRng(seed), weights, counts);
          for (const stratum of d.strata) {
            assert.equal(
              [...stratum].reduce((n, c) => n + counts[c]!, 0),
              stratum.length,
            );
          }
          rows.forEach((_, i) => {
            assert.equal(weights[i], counts[d.clusterOf[i]!]);
          });
        },
      ),
      {seed: 20200214, numRuns: 200},
    );
  });
});
