import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {formatP, formatPStatement, formatW} from "../../../src/components/format/formatStat.js";
import {thresholdMetrics} from "../../../src/components/tables/thresholdMetrics.js";

describe("thresholdMetrics(outcome, score, threshold, ciLevel)", () => {
  it("calls a score ≥ threshold positive and counts the 2×2 table", () => {
    const m = thresholdMetrics([1, 1, 0, 0, 1], [0.9, 0.5, 0.5, 0.1, 0.2], 0.5, 0.95);
    assert.deepEqual([m.tp, m.fn, m.fp, m.tn], [2, 1, 1, 1]);
    assert.deepEqual(m.counts, [
      [2, 1],
      [1, 1],
    ]);
    assert.equal(m.sensitivity.value, 2 / 3);
    assert.equal(m.ppv.value, 2 / 3);
    assert.equal(m.npv.value, 0.5);
  });
  it("gives null proportions on empty denominators and throws on NaN or unequal lengths", () => {
    const m = thresholdMetrics([1, 1], [0.1, 0.2], 0.5, 0.95);
    assert.equal(m.specificity.value, null);
    assert.equal(m.ppv.value, null);
    assert.throws(() => thresholdMetrics([1], [Number.NaN], 0.5, 0.95), /score\[0\] must be finite, got NaN/);
    assert.throws(() => thresholdMetrics([1], [], 0.5, 0.95), /same length/);
  });
});

describe("formatP(p) / formatW(w)", () => {
  it("prints p to 4 significant digits, exponent form below 1e-4; W in full precision", () => {
    assert.equal(formatP(0.0123456), "0.01235");
    assert.equal(formatP(0.5), "0.5");
    assert.equal(formatP(1.17449e-5), "< 0.001");
    assert.equal(formatP(0), "< 0.001");
    assert.equal(formatP(0.001), "0.001");
    assert.equal(formatPStatement(2.651e-19), "p < 0.001");
    assert.equal(formatPStatement(0.0123456), "p = 0.01235");
    assert.equal(formatP(null), "n/a");
    assert.equal(formatW(679), "679");
    assert.equal(formatW(679.5), "679.5");
  });
});
