import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {normalCdf, normalQuantile} from "../../../src/components/stats/normal.js";
import {rileyValidationBinary} from "../../../src/components/stats/validationSampleSize.js";
import {sampleSizeGolden} from "./sampleSizeGolden.js";

// Golden: R's pmvalsampsize 0.1.0, run by test/golden/make-sample-size-golden.R (each case names its call).
const g = sampleSizeGolden.validation;
const normal = (args: {lpnorm: [number, number]}) => ({
  kind: "normal" as const,
  mean: args.lpnorm[0],
  sd: args.lpnorm[1],
});
/** Mean and SD of the package's simulated calibration-slope criterion over seeds 1..8. */
const seeds: number[] = g.rileySlopeBySeed.values;
const mean = seeds.reduce((a, b) => a + b, 0) / seeds.length;
const sd = Math.sqrt(seeds.reduce((a, b) => a + (b - mean) ** 2, 0) / (seeds.length - 1));

describe("rileyValidationBinary (golden: pmvalsampsize 0.1.0, Riley et al. Stat Med 2021)", () => {
  it("the documented example (prevalence 0.018, C 0.8, LP ~ N(−5, 2.5), O/E width 1): 905, ≈4563, 4252", () => {
    const r = rileyValidationBinary(
      {prevalence: 0.018, cstatistic: 0.8, lp: normal(g.rileyExample.args)},
      {oeCiWidth: 1},
    );
    assert.equal(r.oe, 905);
    assert.equal(r.cStatistic, 4252);
    assert.equal(r.seLnOe, g.rileyExample.seLnOe);
    assert.ok(Math.abs(r.seCStatistic - g.rileyExample.seCStatistic) < 1e-15);
    // Criterion 2 is an exact integral here and a 10⁶-draw simulation in the package: within 3 SDs of its seeds,
    // and within 0.5% of the documented 4563.
    assert.ok(Math.abs(r.calibrationSlope - mean) <= 3 * sd, `${r.calibrationSlope} vs ${mean} ± ${sd}`);
    assert.ok(Math.abs(r.calibrationSlope - 4563) / 4563 < 0.005, `${r.calibrationSlope}`);
    assert.equal(r.netBenefit, null);
    assert.equal(r.n, r.calibrationSlope);
  });
  it("net benefit at threshold 0.08 with sensitivity = specificity = 0.5: 129920, as the package", () => {
    const a = g.rileyNetBenefit.args;
    const r = rileyValidationBinary(
      {prevalence: a.prevalence, cstatistic: a.cstatistic, lp: normal(a)},
      {oeCiWidth: 1, threshold: a.threshold, sensitivity: a.sensitivity, specificity: a.specificity},
    );
    assert.equal(r.netBenefit, g.rileyNetBenefit.netBenefit);
    assert.equal(r.netBenefit, 129920);
    assert.equal(r.n, 129920);
  });
  it("default widths (O/E 0.2, slope 0.2, C 0.1, net benefit 0.2) as the package", () => {
    const a = g.defaults.args;
    const r = rileyValidationBinary(
      {prevalence: a.prevalence, cstatistic: a.cstatistic, lp: normal(a)},
      {threshold: a.threshold, sensitivity: a.sensitivity, specificity: a.specificity},
    );
    assert.deepEqual([r.oe, r.cStatistic, r.netBenefit], [g.defaults.oe, g.defaults.cStatistic, g.defaults.netBenefit]);
    assert.ok(Math.abs(r.calibrationSlope - g.defaults.calibrationSlope) / g.defaults.calibrationSlope < 0.01);
  });
  it("binormal LP from C and prevalence: the package's lpcstat search lands within 1% of the exact solution", () => {
    const b = g.binormal;
    const r = rileyValidationBinary({prevalence: 0.3, cstatistic: 0.75, lp: {kind: "binormal"}});
    assert.deepEqual([r.oe, r.cStatistic], [b.oe, b.cStatistic]);
    assert.ok(Math.abs(r.calibrationSlope - b.calibrationSlope) / b.calibrationSlope < 0.01, `${r.calibrationSlope}`);
  });
  it("binormal LP: sensitivity and specificity at t are the normal tails of the two components (property)", () => {
    fc.assert(
      fc.property(
        fc.double({min: 0.05, max: 0.6, noNaN: true}),
        fc.double({min: 0.55, max: 0.95, noNaN: true}),
        fc.double({min: 0.1, max: 0.9, noNaN: true}),
        (prevalence, c, t) => {
          const r = rileyValidationBinary({prevalence, cstatistic: c, lp: {kind: "binormal"}}, {threshold: t});
          const v = 2 * normalQuantile(c) ** 2;
          const mu = Math.log(prevalence / (1 - prevalence)) - v / 2;
          const cut = Math.log(t / (1 - t));
          assert.ok(Math.abs((r.sensitivity as number) - normalCdf((mu + v - cut) / Math.sqrt(v))) < 1e-8);
          assert.ok(Math.abs((r.specificity as number) - normalCdf((cut - mu) / Math.sqrt(v))) < 1e-8);
        },
      ),
      {seed: 2021, numRuns: 60},
    );
  });
  it("a narrower interval never needs fewer patients (property)", () => {
    fc.assert(
      fc.property(
        fc.double({min: 0.05, max: 0.3, noNaN: true}),
        fc.double({min: 0.55, max: 0.9, noNaN: true}),
        (w, c) => {
          const lp = {kind: "binormal" as const};
          const wide = rileyValidationBinary(
            {prevalence: 0.3, cstatistic: c, lp},
            {cstatCiWidth: w * 1.5, slopeCiWidth: w * 1.5},
          );
          const narrow = rileyValidationBinary(
            {prevalence: 0.3, cstatistic: c, lp},
            {cstatCiWidth: w, slopeCiWidth: w},
          );
          assert.ok(narrow.cStatistic >= wide.cStatistic && narrow.calibrationSlope >= wide.calibrationSlope);
        },
      ),
      {seed: 7, numRuns: 60},
    );
  });
  it("refuses a prevalence or C outside its range", () => {
    assert.throws(() => rileyValidationBinary({prevalence: 0, cstatistic: 0.8, lp: {kind: "binormal"}}), /prevalence/);
    assert.throws(
      () => rileyValidationBinary({prevalence: 0.2, cstatistic: 0.5, lp: {kind: "binormal"}}),
      /cstatistic/,
    );
  });
});
