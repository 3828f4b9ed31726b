import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {
  formatEstimate,
  formatFixed,
  formatInterval,
  formatPercent,
  formatProportion,
} from "../../../src/components/format/formatStat.js";

describe("formatStat: fixed decimals, percentages, intervals, estimates", () => {
  it("formats a value to fixed decimals, and a missing one as the given placeholder", () => {
    assert.equal(formatFixed(0.85349), "0.853");
    assert.equal(formatFixed(0.85349, 4), "0.8535");
    assert.equal(formatFixed(null), "n/a");
    assert.equal(formatFixed(undefined, 3, "–"), "–");
    assert.equal(formatFixed(0, 2), "0.00");
  });
  it("formats a proportion as a percentage", () => {
    assert.equal(formatPercent(0.8434), "84.3%");
    assert.equal(formatPercent(1), "100.0%");
    assert.equal(formatPercent(null), "n/a");
    assert.equal(formatPercent(undefined, 1, "–"), "–");
  });
  it("joins an interval's ends with an en dash, and shows a dash when there is none", () => {
    assert.equal(formatInterval([0.8011, 0.9024]), "0.801–0.902");
    assert.equal(formatInterval([0.01234, 0.05], 4), "0.0123–0.0500");
    assert.equal(formatInterval(null), "–");
    assert.equal(formatInterval(undefined, 3, "n/a"), "n/a");
  });
  it("writes an estimate with its interval in parentheses, the value alone without one", () => {
    assert.equal(formatEstimate(0.8534, [0.8011, 0.9024]), "0.853 (0.801–0.902)");
    assert.equal(formatEstimate(0.8534, null), "0.853");
    assert.equal(formatEstimate(0.8534, undefined, 2), "0.85");
    assert.equal(formatEstimate(null, [0.1, 0.2]), "n/a");
  });
  it("writes a proportion with its interval and its counts", () => {
    assert.equal(formatProportion({value: 17 / 20, ci: [0.6396, 0.9476], x: 17, n: 20}), "0.850 (0.640–0.948; 17/20)");
    assert.equal(formatProportion({value: null, ci: null, x: 0, n: 0}), "n/a");
  });
  it("an estimate with an interval is the value, then the interval of the same digits (property)", () => {
    const finite = fc.double({min: -1e6, max: 1e6, noNaN: true});
    fc.assert(
      fc.property(finite, finite, finite, fc.integer({min: 0, max: 6}), (v, a, b, digits) => {
        const text = formatEstimate(v, [a, b], digits);
        assert.equal(text, `${formatFixed(v, digits)} (${formatInterval([a, b], digits)})`);
        // Negative ends carry a hyphen-minus, never an en dash, so the dash splits the interval in two.
        assert.equal(formatInterval([a, b], digits).split("–").length, 2);
      }),
      {seed: 17},
    );
  });

  it("shows an unbounded interval end as ∞ (JSON writes Infinity as null) instead of failing", () => {
    assert.equal(formatInterval([0.5, null]), "0.500–∞");
    assert.equal(formatInterval([0.5, Number.POSITIVE_INFINITY], 2), "0.50–∞");
    assert.equal(formatEstimate(3.2, [1.1, null], 2), "3.20 (1.10–∞)");
    assert.equal(formatEstimate(Number.POSITIVE_INFINITY, null), "∞");
  });
});
