import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {normalQuantile} from "../../../src/components/stats/normal.js";
import {wilsonInterval} from "../../../src/components/stats/wilson.js";
import {assertClose} from "./golden.js";

// Golden values below are worked by hand from the documented formula
// (x + z²/2 ∓ z·√(x(n − x)/n + z²/4)) / (n + z²), with z = 1.959963984540054 (the 0.975 normal quantile).
const z = 1.959963984540054;
const z2 = z * z;

describe("wilsonInterval(x, n, ciLevel)", () => {
  it("x = 0: [0, z²/(n + z²)] (n = 10: upper 0.27753…, R prop.test(0, 10, correct = FALSE))", () => {
    const ci = wilsonInterval(0, 10)!;
    assert.equal(ci[0], 0);
    assertClose(ci[1], z2 / (10 + z2), 1e-12);
    assertClose(ci[1], 0.2775327998628899, 1e-9);
  });
  it("x = n/2: symmetric about 1/2 with half-width z·√(n/4 + z²/4)/(n + z²)", () => {
    const [lo, hi] = wilsonInterval(5, 10)!;
    const half = (z * Math.sqrt(10 / 4 + z2 / 4)) / (10 + z2);
    assertClose(lo, 0.5 - half, 1e-12);
    assertClose(hi, 0.5 + half, 1e-12);
  });
  it("x = 8, n = 10 from the formula by hand: [0.4901625…, 0.9433178…]", () => {
    const centre = 8 + z2 / 2;
    const half = z * Math.sqrt((8 * 2) / 10 + z2 / 4);
    const [lo, hi] = wilsonInterval(8, 10)!;
    assertClose(lo, (centre - half) / (10 + z2), 1e-12);
    assertClose(hi, (centre + half) / (10 + z2), 1e-12);
    assertClose(lo, 0.4901625, 1e-6);
    assertClose(hi, 0.9433178, 1e-6);
  });
  it("n = 0 gives null; bad counts and levels are refused", () => {
    assert.equal(wilsonInterval(0, 0), null);
    assert.throws(() => wilsonInterval(3, 2), /integers 0 ≤ x ≤ n, not x = 3, n = 2/);
    assert.throws(() => wilsonInterval(-1, 2), RangeError);
    assert.throws(() => wilsonInterval(1.5, 2), RangeError);
    assert.throws(() => wilsonInterval(1, 2, 1.5), RangeError);
  });
  it("contains x/n, stays in [0, 1], mirrors under x → n − x, and widens with the level (property)", () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 500}), fc.nat(), (n, k) => {
        const x = k % (n + 1);
        const [lo, hi] = wilsonInterval(x, n)!;
        assert.ok(lo >= 0 && hi <= 1 && lo <= x / n + 1e-15 && x / n <= hi + 1e-15);
        const [mlo, mhi] = wilsonInterval(n - x, n)!;
        assertClose(mlo, 1 - hi, 1e-9, 1e-12);
        assertClose(mhi, 1 - lo, 1e-9, 1e-12);
        const [wlo, whi] = wilsonInterval(x, n, 0.99)!;
        assert.ok(wlo <= lo + 1e-15 && whi >= hi - 1e-15);
      }),
      {seed: 20200203, numRuns: 300},
    );
  });
  it("uses the level's quantile: at 0.90, z = Φ⁻¹(0.95)", () => {
    const q = normalQuantile(0.95);
    const [, hi] = wilsonInterval(0, 20, 0.9)!;
    assertClose(hi, (q * q) / (20 + q * q), 1e-12);
  });
});
