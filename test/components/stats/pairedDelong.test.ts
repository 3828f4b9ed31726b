import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {auc} from "../../../src/components/stats/auc.js";
import {normalCdf} from "../../../src/components/stats/normal.js";
import {delongTest} from "../../../src/components/stats/pairedDelong.js";
import {assertClose} from "./golden.js";

describe("delongTest(outcome, score1, score2)", () => {
  it("by hand: a perfect score vs a coin-flip one on 2 cases + 2 controls gives σ = 0.5, z = 1, p = 2Φ(−1)", () => {
    // score1 separates perfectly: placements all 1, variance 0. score2: case placements (1, 0), control placements
    // (0.5, 0.5): S22 = var(1, 0)/2 + 0 = 0.25, S12 = 0, so σ² = 0.25, difference 1 − 0.5 = 0.5, z = 1.
    const r = delongTest([1, 1, 0, 0], [0.9, 0.8, 0.2, 0.1], [0.9, 0.1, 0.8, 0.2])!;
    assert.equal(r.auc1, 1);
    assert.equal(r.auc2, 0.5);
    assert.equal(r.difference, 0.5);
    assertClose(r.z, 1, 1e-12);
    assertClose(r.p, 2 * normalCdf(-1), 1e-12);
    assertClose(r.p, 0.31731050786291415, 1e-9);
    const half = 1.959963984540054 * 0.5;
    assertClose(r.ci[0], 0.5 - half, 1e-9);
    assertClose(r.ci[1], 0.5 + half, 1e-9);
  });
  it("identical curves give difference 0, z 0 and p 1 (as pROC)", () => {
    const s = [0.1, 0.4, 0.35, 0.8, 0.6];
    const r = delongTest([0, 0, 1, 1, 1], s, s)!;
    assert.equal(r.difference, 0);
    assert.equal(r.z, 0);
    assert.equal(r.p, 1);
  });
  it("null with a single class or a single case; mismatched lengths, NaN and bad levels are refused", () => {
    assert.equal(delongTest([1, 1, 1], [1, 2, 3], [3, 2, 1]), null);
    assert.equal(delongTest([1, 0, 0], [1, 2, 3], [3, 2, 1]), null);
    assert.throws(() => delongTest([1, 0], [1, 2], [1]), /score1 and score2 must have the same length/);
    assert.throws(() => delongTest([1, 0], [1, Number.NaN], [1, 2]), /score\[1\]/);
    assert.throws(() => delongTest([1, 0], [1, 2], [1, 2], 2), RangeError);
  });
  it("AUCs match auc(); swapping the scores negates difference and z and keeps p (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({min: 0, max: 9}), fc.integer({min: 0, max: 9})), {
          minLength: 4,
          maxLength: 40,
        }),
        (rows) => {
          const y = rows.map(([b]) => (b ? 1 : 0));
          const a = rows.map(([, s]) => s);
          const b = rows.map(([, , s]) => s);
          const r = delongTest(y, a, b);
          const cases = y.filter((v) => v === 1).length;
          if (cases < 2 || y.length - cases < 2) {
            assert.equal(r, null);
            return;
          }
          assert.ok(r);
          assertClose(r.auc1, auc(y, a)!, 1e-12);
          assertClose(r.auc2, auc(y, b)!, 1e-12);
          const s = delongTest(y, b, a)!;
          assertClose(s.difference, -r.difference, 1e-12, 1e-15);
          assertClose(s.z, -r.z, 1e-9, 1e-12);
          assertClose(s.p, r.p, 1e-9, 1e-12);
          assert.ok(r.p >= 0 && r.p <= 1 && r.ci[0] <= r.difference && r.difference <= r.ci[1]);
        },
      ),
      {seed: 20200211, numRuns: 200},
    );
  });
});
