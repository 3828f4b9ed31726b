import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {seedAverage} from "../../../src/components/ablation/seedAverage.js";
import {ladderRows} from "./fixture.js";

describe("seedAverage", () => {
  it("averages each patch's vector over the seeds", () => {
    const a = ladderRows(1);
    const b = ladderRows(2);
    const avg = seedAverage([a, b]);
    assert.equal(avg.length, a.length);
    for (let c = 0; c < 4; c++)
      assert.ok(Math.abs(avg[5]!.probabilities[c]! - (a[5]!.probabilities[c]! + b[5]!.probabilities[c]!) / 2) < 1e-15);
    assert.equal(avg[5]!.patchId, a[5]!.patchId);
  });

  it("refuses no seeds, and seeds that scored other patches", () => {
    assert.throws(() => seedAverage([]), /at least one seed/);
    assert.throws(() => seedAverage([ladderRows(1), ladderRows(1).slice(1)]), /seed 1 scored/);
    const moved = ladderRows(1);
    moved[0] = {...moved[0]!, patchId: "other"};
    assert.throws(() => seedAverage([ladderRows(1), moved]), /row 0 is patch other, expected A-0-p0/);
  });

  it("property: one seed, or the same seed repeated, averages to itself (within rounding); sums stay 1", () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 1000}), fc.integer({min: 1, max: 6}), (seed, copies) => {
        const rows = ladderRows(seed, {patients: 4, patches: 2});
        const avg = seedAverage(Array.from({length: copies}, () => rows));
        avg.forEach((r, i) => {
          const sum = r.probabilities.reduce((s, v) => s + v, 0);
          assert.ok(Math.abs(sum - 1) < 1e-12);
          for (let c = 0; c < 4; c++) assert.ok(Math.abs(r.probabilities[c]! - rows[i]!.probabilities[c]!) < 1e-15);
        });
      }),
      {seed: 5, numRuns: 50},
    );
  });
});
