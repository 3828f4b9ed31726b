import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {calibration} from "../../../src/components/stats/calibration.js";
import {assertClose, golden} from "./golden.js";

describe("calibration(outcome, probability)", () => {
  for (const name of ["largeTies", "largeNoTies"]) {
    it(`intercept, slope and Brier match R glm() and mean((p − y)²) on ${name} to 1e-9 (golden)`, () => {
      const d = golden.datasets[name];
      const c = calibration(d.outcome, d.score);
      assertClose(c.intercept as number, d.calibration.intercept, 1e-9);
      assertClose(c.slope as number, d.calibration.slope, 1e-9);
      assertClose(c.brier as number, d.calibration.brier, 1e-12);
    });
  }
  it("bins cover all items, omit empty bins and report observed fractions", () => {
    const c = calibration([0, 1, 1, 0, 1], [0.05, 0.15, 0.95, 0.12, 1]);
    assert.deepEqual(
      c.bins.map((b) => [b.lo, b.n, b.observed]),
      [
        [0, 1, 0],
        [0.1, 2, 0.5],
        [0.9, 2, 1],
      ],
    );
  });
  it("scaled Brier = 1 − Brier/(ȳ(1 − ȳ))", () => {
    const c = calibration([0, 1], [0.25, 0.5]);
    assert.equal(c.brier, (0.0625 + 0.25) / 2);
    assert.equal(c.scaledBrier, 1 - 0.15625 / 0.25);
  });
  it("empty → nulls; a single class → no fit with a note; separation → null slope with a note", () => {
    assert.deepEqual(calibration([], []), {
      bins: [],
      intercept: null,
      slope: null,
      brier: null,
      scaledBrier: null,
      n: 0,
    });
    const single = calibration([1, 1], [0.3, 0.8]);
    assert.equal(single.intercept, null);
    assert.equal(single.scaledBrier, null);
    assert.ok(single.note);
    const sep = calibration(golden.datasets.separated.outcome, golden.datasets.separated.score);
    assert.equal(sep.slope, null);
    assert.ok(sep.note);
  });
  it("throws on NaN or a probability outside [0, 1]", () => {
    assert.throws(() => calibration([1, 0], [0.2, Number.NaN]), /probability\[1\]/);
    assert.throws(() => calibration([1, 0], [0.2, 1.2]), /probability\[1\]/);
  });
});
