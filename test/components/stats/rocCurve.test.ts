import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {jsonThreshold, rocCurve, rocPointToJson, youden} from "../../../src/components/stats/rocCurve.js";
import {assertClose, datasetNames, golden, num} from "./golden.js";

describe("rocCurve(outcome, score)", () => {
  for (const name of datasetNames) {
    it(`matches pROC coords(roc, "all") on ${name} (golden)`, () => {
      const d = golden.datasets[name];
      const points = rocCurve(d.outcome, d.score);
      assert.equal(points.length, d.coords.threshold.length);
      points.forEach((p, i) => {
        const t = num(d.coords.threshold[i]);
        if (Number.isFinite(t)) assertClose(p.threshold, t, 1e-12, 1e-15, `threshold ${i}`);
        else assert.equal(p.threshold, t);
        assertClose(p.sensitivity, d.coords.sensitivity[i], 1e-12, 1e-15, `sensitivity ${i}`);
        assertClose(p.specificity, d.coords.specificity[i], 1e-12, 1e-15, `specificity ${i}`);
      });
    });
    it(`youden() matches pROC coords(roc, "best", best.method = "youden") on ${name} (golden)`, () => {
      const d = golden.datasets[name];
      const best = youden(rocCurve(d.outcome, d.score));
      assert.ok(best);
      // pROC may return several tied thresholds; ours is the lowest of them
      assertClose(best.threshold, num(d.youden.threshold[0]), 1e-12, 1e-15);
      assertClose(best.sensitivity, d.youden.sensitivity[0], 1e-12, 1e-15);
      assertClose(best.specificity, d.youden.specificity[0], 1e-12, 1e-15);
    });
  }
  it("uses −Infinity, midpoints and +Infinity as thresholds; ties collapse", () => {
    const points = rocCurve([0, 1, 0, 1], [1, 2, 2, 3]);
    assert.deepEqual(
      points.map((p) => p.threshold),
      [-Infinity, 1.5, 2.5, Infinity],
    );
    assert.deepEqual(points[1], {threshold: 1.5, sensitivity: 1, specificity: 0.5});
  });
  it("returns [] for empty input or a single class; NaN → RangeError naming the index", () => {
    assert.deepEqual(rocCurve([], []), []);
    assert.deepEqual(rocCurve([1, 1], [1, 2]), []);
    assert.throws(() => rocCurve([1, 0], [Number.NaN, 1]), /score\[0\]/);
    assert.equal(youden([]), null);
  });
  it("serialises infinite thresholds as strings that Number() reads back", () => {
    assert.equal(jsonThreshold(Infinity), "Infinity");
    assert.equal(jsonThreshold(-Infinity), "-Infinity");
    assert.equal(jsonThreshold(0.25), 0.25);
    const json = JSON.parse(JSON.stringify(rocCurve([0, 1], [0, 1]).map(rocPointToJson)));
    assert.equal(Number(json[0].threshold), -Infinity);
    assert.equal(Number(json[2].threshold), Infinity);
  });
  it("property: runs monotonically from (FPR 1, TPR 1) at −∞ to (0, 0) at +∞", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.tuple(fc.boolean(), fc.integer({min: 0, max: 10})), {minLength: 2, maxLength: 50})
          .filter((r) => r.some(([y]) => y) && r.some(([y]) => !y)),
        (rows) => {
          const points = rocCurve(
            rows.map(([y]) => y),
            rows.map(([, s]) => s),
          );
          const first = points[0];
          const last = points[points.length - 1];
          assert.deepEqual([first?.sensitivity, first?.specificity], [1, 0]);
          assert.deepEqual([last?.sensitivity, last?.specificity], [0, 1]);
          for (let i = 1; i < points.length; i++) {
            const a = points[i - 1];
            const b = points[i];
            assert.ok(a && b && b.threshold > a.threshold);
            assert.ok(b.sensitivity <= a.sensitivity && b.specificity >= a.specificity);
          }
        },
      ),
      {seed: 20200104, numRuns: 200},
    );
  });
});
