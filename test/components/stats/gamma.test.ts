import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {logGamma, regularizedGammaP, regularizedGammaQ} from "../../../src/components/stats/gamma.js";
import {normalSurvival} from "../../../src/components/stats/normal.js";
import {assertClose} from "./golden.js";

describe("logGamma(x)", () => {
  it("integers are log factorials: ln Γ(5) = ln 24, ln Γ(1) = ln Γ(2) = 0", () => {
    assert.equal(logGamma(5), Math.log(24));
    assert.equal(logGamma(1), 0);
    assert.equal(logGamma(2), 0);
  });
  it("Γ(1/2) = √π and Γ(7/2) = 15√π/8 (classical identities)", () => {
    assertClose(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    assertClose(logGamma(3.5), Math.log((15 * Math.sqrt(Math.PI)) / 8), 1e-14);
  });
  it("integers beyond the factorial table (Stirling) still step by ln x: ln Γ(201) − ln Γ(200) = ln 200", () => {
    // ln Γ(201) − ln Γ(200) = ln 200
    assertClose(logGamma(201) - logGamma(200), Math.log(200), 1e-12);
  });
  it("0 gives +∞; negative x and NaN are refused", () => {
    assert.equal(logGamma(0), Infinity);
    assert.throws(() => logGamma(-1), /needs x ≥ 0, not -1/);
    assert.throws(() => logGamma(Number.NaN), RangeError);
  });
  it("satisfies ln Γ(x + 1) = ln Γ(x) + ln x (property)", () => {
    fc.assert(
      fc.property(fc.double({min: 0.05, max: 300, noNaN: true}), (x) => {
        assertClose(logGamma(x + 1), logGamma(x) + Math.log(x), 1e-12, 1e-12);
      }),
      {seed: 20200205, numRuns: 300},
    );
  });
});

describe("regularizedGammaP / regularizedGammaQ", () => {
  it("a = 1 is the exponential distribution: P(1, x) = 1 − e^(−x)", () => {
    for (const x of [0.01, 0.5, 1, 2, 5, 30]) {
      assertClose(regularizedGammaP(1, x), -Math.expm1(-x), 1e-13);
      assertClose(regularizedGammaQ(1, x), Math.exp(-x), 1e-13);
    }
  });
  it("a = 2: Q(2, x) = e^(−x)(1 + x); a = 1/2: Q(1/2, x) = 2·(1 − Φ(√(2x)))", () => {
    for (const x of [0.1, 1, 3, 10, 40]) {
      assertClose(regularizedGammaQ(2, x), Math.exp(-x) * (1 + x), 1e-12);
      assertClose(regularizedGammaQ(0.5, x), 2 * normalSurvival(Math.sqrt(2 * x)), 1e-10);
    }
  });
  it("keeps relative accuracy in the far tail: Q(1, 700) = e^(−700)", () => {
    assertClose(regularizedGammaQ(1, 700), Math.exp(-700), 1e-10);
  });
  it("ends: P(a, 0) = 0, P(a, ∞) = 1; bad arguments are refused", () => {
    assert.equal(regularizedGammaP(3, 0), 0);
    assert.equal(regularizedGammaQ(3, 0), 1);
    assert.equal(regularizedGammaP(3, Infinity), 1);
    assert.equal(regularizedGammaQ(3, Infinity), 0);
    assert.throws(() => regularizedGammaP(0, 1), /finite a > 0, not 0/);
    assert.throws(() => regularizedGammaQ(Infinity, 1), RangeError);
    assert.throws(() => regularizedGammaP(1, -1), /x ≥ 0, not -1/);
  });
  it("P + Q = 1, both in [0, 1], P increasing in x (property)", () => {
    fc.assert(
      fc.property(
        fc.double({min: 0.01, max: 100, noNaN: true}),
        fc.double({min: 0, max: 200, noNaN: true}),
        fc.double({min: 0, max: 5, noNaN: true}),
        (a, x, dx) => {
          const p = regularizedGammaP(a, x);
          const q = regularizedGammaQ(a, x);
          assert.ok(p >= 0 && p <= 1 && q >= 0 && q <= 1);
          assertClose(p + q, 1, 1e-12);
          assert.ok(regularizedGammaP(a, x + dx) >= p - 1e-14);
        },
      ),
      {seed: 20200206, numRuns: 300},
    );
  });
});
