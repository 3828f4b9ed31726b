import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {
  formatCiLevel,
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
  it("writes an interval's ends in brackets after a comma, and shows a dash when there is none", () => {
    assert.equal(formatInterval([0.8011, 0.9024]), "[0.801, 0.902]");
    assert.equal(formatInterval([0.01234, 0.05], 4), "[0.0123, 0.0500]");
    assert.equal(formatInterval([-0.0123, 0.05]), "[-0.012, 0.050]");
    assert.equal(formatInterval(null), "–");
    assert.equal(formatInterval(undefined, 3, "n/a"), "n/a");
  });
  it("writes an estimate with its interval in brackets, the value alone without one", () => {
    assert.equal(formatEstimate(0.8534, [0.8011, 0.9024]), "0.853 [0.801, 0.902]");
    assert.equal(formatEstimate(0.97, [0.93, 1], 2), "0.97 [0.93, 1.00]");
    assert.equal(formatEstimate(0.8534, null), "0.853");
    assert.equal(formatEstimate(0.8534, undefined, 2), "0.85");
    assert.equal(formatEstimate(null, [0.1, 0.2]), "n/a");
  });
  it("writes a proportion with its interval and its counts", () => {
    assert.equal(
      formatProportion({value: 17 / 20, ci: [0.6396, 0.9476], x: 17, n: 20}),
      "0.850 [0.640, 0.948] (17/20)",
    );
    assert.equal(formatProportion({value: 1, ci: null, x: 3, n: 3}), "1.000 (3/3)");
    assert.equal(formatProportion({value: null, ci: null, x: 0, n: 0}), "n/a");
  });
  it("an estimate with an interval is the value, then the interval of the same digits (property)", () => {
    const finite = fc.double({min: -1e6, max: 1e6, noNaN: true});
    fc.assert(
      fc.property(finite, finite, finite, fc.integer({min: 0, max: 6}), (v, a, b, digits) => {
        const text = formatEstimate(v, [a, b], digits);
        assert.equal(text, `${formatFixed(v, digits)} ${formatInterval([a, b], digits)}`);
        // The ends are the same fixed-decimal numbers, in brackets after one comma and a space.
        assert.equal(formatInterval([a, b], digits), `[${formatFixed(a, digits)}, ${formatFixed(b, digits)}]`);
      }),
      {seed: 17},
    );
  });

  it("shows an unbounded interval end as ∞ (JSON writes Infinity as null) instead of failing", () => {
    assert.equal(formatInterval([0.5, null]), "[0.500, ∞]");
    assert.equal(formatInterval([0.5, Number.POSITIVE_INFINITY], 2), "[0.50, ∞]");
    assert.equal(formatEstimate(3.2, [1.1, null], 2), "3.20 [1.10, ∞]");
    assert.equal(formatEstimate(Number.POSITIVE_INFINITY, null), "∞");
  });
});

describe("formatCiLevel: a confidence level as the percentage a label names", () => {
  it("writes 0.9, 0.95 and 0.995 as 90%, 95% and 99.5%, without floating-point noise", () => {
    assert.equal(formatCiLevel(0.9), "90%");
    assert.equal(formatCiLevel(0.95), "95%");
    assert.equal(formatCiLevel(0.995), "99.5%");
    assert.equal(formatCiLevel(0.999), "99.9%");
    assert.equal(formatCiLevel(0.8), "80%");
    // 0.9 × 100 is 90.00000000000001 and 0.57 × 100 is 56.99999999999999 in binary floating point.
    assert.equal(formatCiLevel(0.57), "57%");
  });
  it("refuses a level that is not between 0 and 1 (a percentage passed by mistake, say)", () => {
    for (const bad of [0, 1, 95, -0.5, Number.NaN, Number.POSITIVE_INFINITY])
      assert.throws(() => formatCiLevel(bad), /a confidence level is a number between 0 and 1/);
  });
  it("reads back as the level it was given, for any level a study may set (property)", () => {
    fc.assert(
      fc.property(fc.integer({min: 501, max: 999}), (permille) => {
        const level = permille / 1000;
        const text = formatCiLevel(level);
        assert.match(text, /^\d{2}(\.\d)?%$/);
        // Compared to 1e-12: the percentage read back and divided by 100 may differ from the level in its last bit.
        assert.ok(Math.abs(Number(text.slice(0, -1)) / 100 - level) < 1e-12, `${level} → ${text}`);
      }),
      {seed: 22},
    );
  });
});
