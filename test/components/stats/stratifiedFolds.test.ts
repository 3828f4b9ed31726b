import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {stratifiedFolds} from "../../../src/components/stats/stratifiedFolds.js";

const spread = (values: number[]) => Math.max(...values) - Math.min(...values);

describe("stratifiedFolds", () => {
  it("deals every class evenly over the folds, and the fold sizes differ by at most one (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({min: 0, max: 3}), {minLength: 2, maxLength: 80}),
        fc.integer({min: 2, max: 10}),
        fc.integer({min: 0, max: 1_000_000}),
        (classes, folds, seed) => {
          fc.pre(folds <= classes.length);
          const fold = stratifiedFolds(classes, folds, seed);
          assert.equal(fold.length, classes.length);
          assert.ok(fold.every((f) => Number.isInteger(f) && f >= 0 && f < folds));
          const sizes = Array.from({length: folds}, (_, f) => fold.filter((g) => g === f).length);
          assert.ok(spread(sizes) <= 1, `fold sizes ${sizes}`);
          for (const c of new Set(classes)) {
            const perFold = Array.from(
              {length: folds},
              (_, f) => classes.filter((k, i) => k === c && fold[i] === f).length,
            );
            assert.ok(spread(perFold) <= 1, `class ${c} per fold ${perFold}`);
          }
        },
      ),
      {seed: 14, numRuns: 200},
    );
  });

  it("is reproducible from its seed, and another seed shuffles differently", () => {
    const classes = Array.from({length: 60}, (_, i) => i % 4);
    assert.deepEqual(stratifiedFolds(classes, 5, 7), stratifiedFolds(classes, 5, 7));
    assert.notDeepEqual(stratifiedFolds(classes, 5, 7), stratifiedFolds(classes, 5, 8));
  });

  it("refuses fewer than two folds, a fractional count, and more folds than items", () => {
    assert.throws(() => stratifiedFolds([0, 1, 0], 1, 1), /folds must be an integer ≥ 2, not 1/);
    assert.throws(() => stratifiedFolds([0, 1, 0], 2.5, 1), /not 2\.5/);
    assert.throws(() => stratifiedFolds([0, 1, 0], 4, 1), /folds \(4\) must not exceed the number of items \(3\)/);
  });
});
