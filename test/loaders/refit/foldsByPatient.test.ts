import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {foldsByPatient} from "../../../loaders/refit/foldsByPatient.js";

describe("foldsByPatient", () => {
  it("keeps a patient's patches in one fold, balances classes across folds, and is seeded", () => {
    const ids = Array.from({length: 60}, (_, i) => `p${Math.floor(i / 3)}`);
    const labels = ids.map((id) => Number(id.slice(1)) % 4);
    const folds = foldsByPatient(ids, labels, 5, 7);
    for (let i = 0; i < ids.length; i += 3) assert.ok(folds[i] === folds[i + 1] && folds[i] === folds[i + 2]);
    for (let f = 0; f < 5; f++) assert.equal(folds.filter((x) => x === f).length, 12);
    assert.deepEqual(foldsByPatient(ids, labels, 5, 7), folds);
    assert.notDeepEqual(foldsByPatient(ids, labels, 5, 8), folds);
  });

  it("refuses k < 2 and fewer patients than folds", () => {
    assert.throws(() => foldsByPatient(["a", "b"], [0, 1], 1, 1), /expected k ≥ 2/);
    assert.throws(() => foldsByPatient(["a", "a"], [0, 0], 2, 1), /at least 2 patients, got 1/);
  });

  it("property: every fold is used and fold sizes (in patients) differ by at most the number of classes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({min: 0, max: 3}), {minLength: 10, maxLength: 80}),
        fc.integer({min: 2, max: 5}),
        fc.integer({min: 0, max: 1000}),
        (labels, k, seed) => {
          const ids = labels.map((_, i) => `p${i}`);
          const folds = foldsByPatient(ids, labels, k, seed);
          const sizes = Array.from({length: k}, (_, f) => folds.filter((x) => x === f).length);
          assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 4, JSON.stringify(sizes));
          assert.ok(sizes.every((s) => s > 0));
        },
      ),
      {seed: 3, numRuns: 100},
    );
  });
});
