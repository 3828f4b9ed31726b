import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {chiSquareCdf, chiSquareQuantile, chiSquareSurvival} from "../../../src/components/stats/chiSquare.js";
import {normalSurvival} from "../../../src/components/stats/normal.js";
import {assertClose} from "./golden.js";
import {meta} from "./metaGolden.js";

describe("chiSquareSurvival / chiSquareCdf", () => {
  it("df = 2 is the exponential with mean 2: P(X > x) = e^(−x/2)", () => {
    for (const x of [0.5, 2, 5.991464547107979, 20]) assertClose(chiSquareSurvival(x, 2), Math.exp(-x / 2), 1e-13);
    // 5.991465 is the textbook 95% point of χ²₂ (−2 ln 0.05)
    assertClose(chiSquareSurvival(-2 * Math.log(0.05), 2), 0.05, 1e-12);
  });
  it("df = 1 is a squared normal: P(X > x) = 2·(1 − Φ(√x)); 3.841459 is its 95% point", () => {
    for (const x of [0.1, 1, 3.841458820694124, 10]) {
      assertClose(chiSquareSurvival(x, 1), 2 * normalSurvival(Math.sqrt(x)), 1e-10);
    }
    assertClose(chiSquareSurvival(1.959963984540054 ** 2, 1), 0.05, 1e-10);
  });
  it("df = 4: P(X > x) = e^(−x/2)(1 + x/2)", () => {
    for (const x of [1, 4, 9.487729036781154])
      assertClose(chiSquareSurvival(x, 4), Math.exp(-x / 2) * (1 + x / 2), 1e-12);
  });
  it("x ≤ 0: survival 1, cdf 0; NaN x and df ≤ 0 are refused", () => {
    assert.equal(chiSquareSurvival(0, 3), 1);
    assert.equal(chiSquareSurvival(-5, 3), 1);
    assert.equal(chiSquareCdf(0, 3), 0);
    assert.throws(() => chiSquareSurvival(Number.NaN, 1), /not NaN/);
    assert.throws(() => chiSquareCdf(Number.NaN, 1), /not NaN/);
    assert.throws(() => chiSquareSurvival(1, 0), /df > 0, not 0/);
    assert.throws(() => chiSquareCdf(1, -2), /df > 0, not -2/);
  });
  it("cdf + survival = 1 and the cdf is non-decreasing in x (property)", () => {
    fc.assert(
      fc.property(
        fc.double({min: 0.1, max: 60, noNaN: true}),
        fc.double({min: 0, max: 150, noNaN: true}),
        fc.double({min: 0, max: 10, noNaN: true}),
        (df, x, dx) => {
          assertClose(chiSquareCdf(x, df) + chiSquareSurvival(x, df), 1, 1e-12);
          assert.ok(chiSquareCdf(x + dx, df) >= chiSquareCdf(x, df) - 1e-14);
        },
      ),
      {seed: 20200207, numRuns: 300},
    );
  });
});

describe("chiSquareQuantile (golden: R qchisq)", () => {
  it("matches qchisq(p, df) to 1e-12 relative, both tails", () => {
    const g = meta.quantiles.chiSquare;
    g.p.forEach((p: number, i: number) => {
      assertClose(chiSquareQuantile(p, g.df[i]), g.q[i], 1e-12, 0, `qchisq(${p}, ${g.df[i]})`);
    });
  });
  it("inverts the cdf (property); 0 at p = 0, ∞ at 1; bad input refused", () => {
    fc.assert(
      fc.property(fc.double({min: 1e-6, max: 1 - 1e-6, noNaN: true}), fc.integer({min: 1, max: 200}), (p, df) => {
        assertClose(chiSquareCdf(chiSquareQuantile(p, df), df), p, 1e-10, 1e-15);
      }),
      {seed: 22, numRuns: 150},
    );
    assert.deepEqual([chiSquareQuantile(0, 3), chiSquareQuantile(1, 3)], [0, Number.POSITIVE_INFINITY]);
    assert.throws(() => chiSquareQuantile(-0.1, 3), /p in \[0, 1\]/);
    assert.throws(() => chiSquareQuantile(0.5, 0), /df > 0, not 0/);
  });
});
