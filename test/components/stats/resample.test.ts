import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {createRng} from "../../../src/components/stats/random.js";
import {
  clusterDesign,
  drawCounts,
  drawWeights,
  isItemDesign,
  itemDesign,
  permuteDesign,
} from "../../../src/components/stats/resample.js";

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

describe("drawCounts(design, rng, clusterCounts)", () => {
  it("gives the cluster counts drawWeights uses, from the same stream, chunked or not (strata above 4096)", () => {
    const keys = Array.from({length: 9000}, (_, i) => i % 7000);
    const d = clusterDesign(
      keys,
      keys.map((k) => (k < 5000 ? 0 : 1)),
    );
    const counts = new Uint32Array(d.clusterCount);
    const reference = new Uint32Array(d.clusterCount);
    const a = createRng(3);
    const b = createRng(3);
    drawCounts(d, a, counts);
    for (const stratum of d.strata)
      for (let k = 0; k < stratum.length; k++) reference[stratum[b.int(stratum.length)]!]!++;
    assert.deepEqual(counts, reference);
    assert.equal(a.next(), b.next());
    drawWeights(d, createRng(3), new Float64Array(d.size), reference);
    assert.deepEqual(counts, reference);
  });
});

describe("permuteDesign(design, position)", () => {
  const cases = fc.array(fc.tuple(fc.integer({min: 0, max: 9}), fc.nat(1)), {minLength: 1, maxLength: 30});
  it("draws the same items from the same seed, renumbered; an item design stays one (property)", () => {
    fc.assert(
      fc.property(cases, fc.boolean(), fc.integer(), (rows, items, seed) => {
        const d = items
          ? itemDesign(rows.map(([, y]) => y))
          : clusterDesign(
              rows.map(([k]) => k),
              rows.map(([k]) => k % 2),
            );
        const n = d.size;
        const position = Uint32Array.from({length: n}, (_, i) => i);
        const shuffle = createRng(seed ^ 1);
        for (let i = n - 1; i > 0; i--) {
          const j = shuffle.int(i + 1);
          [position[i], position[j]] = [position[j]!, position[i]!];
        }
        const p = permuteDesign(d, position);
        assert.equal(isItemDesign(p), isItemDesign(d));
        const before = new Float64Array(n);
        const after = new Float64Array(n);
        drawWeights(d, createRng(seed), before, new Uint32Array(d.clusterCount));
        drawWeights(p, createRng(seed), after, new Uint32Array(p.clusterCount));
        for (let i = 0; i < n; i++) assert.equal(after[position[i]!], before[i]);
      }),
      {seed: 2026, numRuns: 200},
    );
  });
  it("isItemDesign: true for itemDesign and one-item clusters in order, false otherwise", () => {
    assert.equal(isItemDesign(itemDesign([0, 1, 1])), true);
    assert.equal(isItemDesign(clusterDesign(["a", "b", "c"], [0, 1, 1])), true);
    assert.equal(isItemDesign(clusterDesign(["a", "a", "c"], [0, 0, 1])), false);
  });
});
