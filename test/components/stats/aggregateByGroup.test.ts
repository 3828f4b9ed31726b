import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {aggregateByGroup} from "../../../src/components/stats/aggregateByGroup.js";
import {meanByGroup} from "../../../src/components/stats/objectiveResponse.js";
import {Aggregations} from "../../../src/components/study/vocabulary.js";

describe("aggregateByGroup(keys, vectors, aggregation)", () => {
  const keys = ["a", "b", "a", "a"];
  const vectors = [
    [0.7, 0.1, 0.1, 0.1],
    [0.25, 0.25, 0.25, 0.25],
    [0.1, 0.6, 0.2, 0.1],
    [0.4, 0.2, 0.2, 0.2],
  ];
  it("mean is meanByGroup's vector", () => {
    assert.deepEqual(aggregateByGroup(keys, vectors, "mean"), meanByGroup(keys, vectors));
  });
  it("median and max take the component-wise statistic, then divide by its sum (by hand)", () => {
    const [median] = aggregateByGroup(keys, vectors, "median");
    // medians 0.4, 0.2, 0.2, 0.1 → sum 0.9
    assert.deepEqual(median?.key, "a");
    [0.4, 0.2, 0.2, 0.1].forEach((v, j) => {
      assert.ok(Math.abs((median?.mean[j] as number) - v / 0.9) < 1e-12);
    });
    const [max] = aggregateByGroup(keys, vectors, "max");
    // maxima 0.7, 0.6, 0.2, 0.2 → sum 1.7
    [0.7, 0.6, 0.2, 0.2].forEach((v, j) => {
      assert.ok(Math.abs((max?.mean[j] as number) - v / 1.7) < 1e-12);
    });
    assert.equal(max?.count, 3);
  });
  it("every aggregation gives a probability vector per group, and a single patch gives itself (property, seeded)", () => {
    const simplex = fc
      .array(fc.double({min: 0.01, max: 1, noNaN: true}), {minLength: 4, maxLength: 4})
      .map((v) => v.map((x) => x / v.reduce((s, y) => s + y, 0)));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("p", "q", "r"), simplex), {minLength: 1, maxLength: 12}),
        (rows) => {
          for (const aggregation of Aggregations) {
            const groups = aggregateByGroup(
              rows.map(([k]) => k),
              rows.map(([, v]) => v),
              aggregation,
            );
            for (const g of groups) {
              assert.ok(Math.abs(g.mean.reduce((s, x) => s + x, 0) - 1) < 1e-9);
              if (g.count === 1) {
                const only = rows.find(([k]) => k === g.key)?.[1] as number[];
                only.forEach((x, j) => {
                  assert.ok(Math.abs((g.mean[j] as number) - x) < 1e-9);
                });
              }
            }
          }
        },
      ),
      {seed: 11, numRuns: 100},
    );
  });
});
