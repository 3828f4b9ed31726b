import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {chiSquareCdf, chiSquareSurvival} from "../../../src/components/stats/chiSquare.js";
import {logGamma, regularizedGammaP, regularizedGammaQ} from "../../../src/components/stats/gamma.js";
import {normalCdf, normalQuantile, normalSurvival} from "../../../src/components/stats/normal.js";
import {assertClose, golden} from "./golden.js";

const d = golden.distributions;

describe("normal distribution (golden: R pnorm/qnorm)", () => {
  it("normalCdf(x) matches R pnorm(x) to 1e-13 relative", () => {
    d.pnorm.x.forEach((x: number, i: number) => {
      assertClose(normalCdf(x), d.pnorm.value[i], 1e-13, 0, `pnorm(${x})`);
    });
  });
  it("normalSurvival(x) matches R pnorm(x, lower.tail = FALSE) to 1e-13 relative", () => {
    d.pnormUpper.x.forEach((x: number, i: number) => {
      assertClose(normalSurvival(x), d.pnormUpper.value[i], 1e-13, 0, `pnorm(${x}, lower = F)`);
    });
  });
  it("normalQuantile(p) matches R qnorm(p) to 1e-13 relative", () => {
    d.qnorm.p.forEach((p: number, i: number) => {
      assertClose(normalQuantile(p), d.qnorm.value[i], 1e-13, 1e-15, `qnorm(${p})`);
    });
  });
  it("normalQuantile is ±Infinity at 0 and 1 and throws on NaN or out of range", () => {
    assert.equal(normalQuantile(0), -Infinity);
    assert.equal(normalQuantile(1), Infinity);
    assert.equal(normalQuantile(0.5), 0);
    assert.throws(() => normalQuantile(Number.NaN), RangeError);
    assert.throws(() => normalQuantile(1.1), RangeError);
  });
  it("normalCdf handles ±Infinity and NaN", () => {
    assert.equal(normalCdf(-Infinity), 0);
    assert.equal(normalCdf(Infinity), 1);
    assert.ok(Number.isNaN(normalCdf(Number.NaN)));
  });
});

describe("gamma and chi-square (golden: R lgamma/pchisq)", () => {
  it("logGamma(x) matches R lgamma(x) to 1e-13 relative", () => {
    d.lgamma.x.forEach((x: number, i: number) => {
      assertClose(logGamma(x), d.lgamma.value[i], 1e-13, 1e-15, `lgamma(${x})`);
    });
  });
  it("chiSquareSurvival(x, df) matches R pchisq(x, df, lower.tail = FALSE) to 1e-11 relative", () => {
    d.pchisqUpper.x.forEach((x: number, i: number) => {
      assertClose(
        chiSquareSurvival(x, d.pchisqUpper.df[i]),
        d.pchisqUpper.value[i],
        1e-11,
        0,
        `pchisq(${x}, ${d.pchisqUpper.df[i]})`,
      );
    });
  });
  it("chiSquareCdf(x, df) matches R pchisq(x, df) to 1e-11 relative", () => {
    d.pchisq.x.forEach((x: number, i: number) => {
      assertClose(chiSquareCdf(x, d.pchisq.df[i]), d.pchisq.value[i], 1e-11, 0, `pchisq(${x}, ${d.pchisq.df[i]})`);
    });
  });
  it("P + Q = 1 and edge cases are defined", () => {
    assertClose(regularizedGammaP(3.5, 2) + regularizedGammaQ(3.5, 2), 1, 1e-15);
    assert.equal(chiSquareSurvival(0, 3), 1);
    assert.equal(chiSquareSurvival(-1, 3), 1);
    assert.equal(chiSquareCdf(0, 3), 0);
    assert.throws(() => chiSquareSurvival(Number.NaN, 1), RangeError);
    assert.throws(() => chiSquareSurvival(1, 0), RangeError);
    assert.throws(() => logGamma(-1), RangeError);
  });
});
