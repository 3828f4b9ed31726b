import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, it} from "node:test";
import fc from "fast-check";
import {calibrationErrors} from "../../../src/components/stats/calibrationErrors.js";
import {
  giniMeanDifference,
  recalibrationEmax,
  ValidationIndexKeys,
  validationIndexes,
} from "../../../src/components/stats/logisticValidation.js";

/** test/golden/make-validation-golden.R (R 4.2.2, rms 6.5-0, Hmisc 4.8-0): validate.lrm's indexes and ICI/E50/E90. */
interface Case {
  x: number[];
  y: number[];
  indexes: Record<string, number>;
  errors: Record<string, number>;
}
const golden = JSON.parse(readFileSync(new URL("../../golden/validation.json", import.meta.url), "utf8")) as Record<
  string,
  unknown
> & {emaxOnly: {intercept: number; slope: number; Emax: number}};
const cases = ["calibratedish", "overfitted", "smallTies"].map((name) => [name, golden[name] as Case] as const);

describe("validationIndexes(x, y)", () => {
  for (const [name, c] of cases) {
    it(`equals rms::validate.lrm's indexes (lrm.fit, somers2, GiniMd) on ${name} to 1e-9 (golden)`, () => {
      const got = validationIndexes(c.x, c.y);
      for (const key of ValidationIndexKeys) {
        const expected = c.indexes[key] as number;
        assert.ok(Math.abs((got[key] as number) - expected) < 1e-9, `${key}: ${got[key]} vs R ${expected}`);
      }
      const emax = recalibrationEmax(got.Intercept as number, got.Slope as number);
      assert.ok(Math.abs(emax - (c.indexes.Emax as number)) < 1e-9, `Emax ${emax} vs R ${c.indexes.Emax}`);
    });

    it(`gives ICI, E50, E90 and Emax of the loess calibration curve as R on ${name} to 1e-9 (golden)`, () => {
      const p = c.x.map((v) => 1 / (1 + Math.exp(-v)));
      const got = calibrationErrors(p, c.y);
      for (const key of ["ICI", "E50", "E90", "Emax"] as const) {
        const expected = c.errors[key] as number;
        assert.ok(Math.abs((got[key] as number) - expected) < 1e-9, `${key}: ${got[key]} vs R ${expected}`);
      }
    });
  }

  it("validate.lrm's Emax from an intercept and slope equals R's (golden)", () => {
    const {intercept, slope, Emax} = golden.emaxOnly;
    assert.ok(Math.abs(recalibrationEmax(intercept, slope) - Emax) < 1e-12);
    assert.ok(recalibrationEmax(0, 1) < 1e-15, "the identity recalibration has no error");
  });

  it("is null where undefined: one outcome class (Brier still defined), separation", () => {
    const one = validationIndexes([0.1, 0.5, -1], [1, 1, 1]);
    assert.equal(one.Dxy, null);
    assert.equal(one.Slope, null);
    assert.ok(one.B !== null && one.B > 0);
    const separated = validationIndexes([-2, -1, 1, 2], [0, 0, 1, 1]);
    assert.equal(separated.Slope, null);
    assert.equal(separated.Dxy, 1);
    assert.throws(() => validationIndexes([0, Number.NaN], [0, 1]), /x\[1\] is NaN/);
  });

  it("a model recalibrated by its own fit has intercept 0 and slope 1 (property)", () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 1_000_000}), (seed) => {
        const x = Array.from({length: 80}, (_, i) => Math.sin(seed + i * 1.7) * 3);
        const y = x.map((v, i) => (Math.cos(seed * 3 + i) < Math.tanh(v) ? 1 : 0));
        const first = validationIndexes(x, y);
        if (first.Intercept === null || first.Slope === null) return true;
        const refitted = validationIndexes(
          x.map((v) => (first.Intercept as number) + (first.Slope as number) * v),
          y,
        );
        return Math.abs(refitted.Intercept as number) < 1e-8 && Math.abs((refitted.Slope as number) - 1) < 1e-8;
      }),
      {seed: 5, numRuns: 60},
    );
  });

  it("Gini's mean difference is the mean |xi − xj| over pairs", () => {
    assert.equal(giniMeanDifference([1, 2, 4]), (1 + 3 + 2) / 3);
    assert.equal(giniMeanDifference([5]), null);
  });
});
