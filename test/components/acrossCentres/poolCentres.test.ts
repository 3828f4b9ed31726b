import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {CentreMetrics, Estimate} from "../../../src/components/acrossCentres/centreMetrics.js";
import {poolCentres} from "../../../src/components/acrossCentres/poolCentres.js";
import {randomEffects} from "../../../src/components/stats/randomEffects.js";
import {hksjInterval, predictionInterval} from "../../../src/components/stats/randomEffectsIntervals.js";
import {tau2QProfile} from "../../../src/components/stats/tau2QProfile.js";

const est = (estimate: number | null, se: number | null): Estimate => ({estimate, se, ci: null});

function metrics(centre: string, auc: Estimate, slope: Estimate, citl: Estimate = est(null, null)): CentreMetrics {
  return {
    centre,
    patients: 40,
    responders: 20,
    auc,
    accuracy: auc,
    calibrationSlope: slope,
    calibrationInTheLarge: citl,
  };
}

describe("poolCentres", () => {
  const centres = [
    metrics("A", est(0.8, 0.05), est(0.9, 0.2)),
    metrics("B", est(0.7, 0.06), est(1.4, 0.3)),
    metrics("C", est(0.9, 0.04), est(0.6, 0.25)),
  ];

  it("pools the calibration slope on its own scale: metafor::rma(yi, sei², REML)", () => {
    const pooled = poolCentres(centres, "calibrationSlope", 0.95);
    const re = randomEffects([0.9, 1.4, 0.6], [0.2 * 0.2, 0.3 * 0.3, 0.25 * 0.25], {method: "REML", ciLevel: 0.95});
    assert.equal(pooled.scale, "identity");
    assert.equal(pooled.k, 3);
    assert.equal(pooled.estimate, re.estimate);
    assert.deepEqual(pooled.ci, re.ci);
    assert.equal(pooled.tau2, re.tau2);
    assert.equal(pooled.I2, re.I2);
    assert.equal(pooled.Qp, re.Qp);
    assert.deepEqual(pooled.excluded, []);
  });

  it("reports the HKSJ interval, the prediction interval and the Q-profile τ² interval beside the Wald one", () => {
    const yi = [0.9, 1.4, 0.6];
    const vi = [0.2 * 0.2, 0.3 * 0.3, 0.25 * 0.25];
    for (const level of [0.9, 0.95]) {
      const pooled = poolCentres(centres, "calibrationSlope", level);
      const re = randomEffects(yi, vi, {method: "REML", ciLevel: level});
      assert.equal(pooled.ciLevel, level);
      assert.deepEqual(pooled.hksjCi, hksjInterval(yi, vi, re.tau2, re.estimate, level)?.ci);
      assert.equal(pooled.hksjDf, 2);
      assert.deepEqual(pooled.predictionInterval, predictionInterval(re.estimate, re.se, re.tau2, 3, level)?.interval);
      assert.equal(pooled.predictionDf, 1);
      assert.equal(pooled.predictionNote, null);
      const profile = tau2QProfile(yi, vi, re.tau2, level);
      assert.deepEqual(pooled.tau2Ci, profile?.tau2);
      assert.deepEqual(pooled.I2Ci, profile?.I2);
    }
  });

  it("pools calibration-in-the-large on its own scale, leaving out centres without one", () => {
    const withCitl = [
      metrics("A", est(0.8, 0.05), est(0.9, 0.2), est(-0.3, 0.2)),
      metrics("B", est(0.7, 0.06), est(1.4, 0.3), est(0.1, 0.25)),
      metrics("C", est(0.9, 0.04), est(0.6, 0.25), est(0.4, 0.3)),
      metrics("D", est(0.9, 0.04), est(0.6, 0.25)),
    ];
    const pooled = poolCentres(withCitl, "calibrationInTheLarge", 0.95);
    const re = randomEffects([-0.3, 0.1, 0.4], [0.2 * 0.2, 0.25 * 0.25, 0.3 * 0.3], {method: "REML"});
    assert.equal(pooled.scale, "identity");
    assert.equal(pooled.estimate, re.estimate);
    assert.deepEqual(pooled.ci, re.ci);
    assert.deepEqual(
      pooled.excluded.map((e) => e.centre),
      ["D"],
    );
  });

  it("with fewer than three centres says there is no prediction interval instead of giving NaN", () => {
    const two = poolCentres(centres.slice(0, 2), "auc", 0.95);
    assert.equal(two.k, 2);
    assert.equal(two.predictionInterval, null);
    assert.equal(two.predictionDf, null);
    assert.match(two.predictionNote ?? "", /k − 2 degrees of freedom, and 2 centres leave 0/);
    assert.ok(two.hksjCi?.every(Number.isFinite));
    assert.equal(two.hksjDf, 1);
    const one = poolCentres(centres.slice(0, 1), "auc", 0.95);
    assert.deepEqual([one.hksjCi, one.tau2Ci, one.predictionInterval], [null, null, null]);
    assert.match(one.predictionNote ?? "", /1 centre leaves 0/);
  });

  it("transforms AUC's HKSJ and prediction intervals back from the logit scale, inside (0, 1)", () => {
    const pooled = poolCentres(centres, "auc", 0.95);
    const [lo, hi] = pooled.predictionInterval as [number, number];
    const [hlo, hhi] = pooled.hksjCi as [number, number];
    const e = pooled.estimate as number;
    assert.ok(lo > 0 && lo < hlo && hlo < e && e < hhi && hhi < hi && hi < 1, `${lo} ${hlo} ${e} ${hhi} ${hi}`);
  });

  it("pools AUC on the logit scale (delta-method variance) and transforms back", () => {
    const pooled = poolCentres(centres, "auc", 0.95);
    const logit = (p: number) => Math.log(p / (1 - p));
    const yi = [0.8, 0.7, 0.9].map(logit);
    const vi = [
      [0.8, 0.05],
      [0.7, 0.06],
      [0.9, 0.04],
    ].map(([p, se]) => ((se as number) / ((p as number) * (1 - (p as number)))) ** 2);
    const re = randomEffects(yi, vi, {method: "REML"});
    const expit = (x: number) => 1 / (1 + Math.exp(-x));
    assert.equal(pooled.scale, "logit");
    assert.ok(Math.abs((pooled.estimate as number) - expit(re.estimate)) < 1e-12);
    assert.ok(Math.abs((pooled.ci as [number, number])[0] - expit(re.ci[0])) < 1e-12);
    assert.ok(Math.abs((pooled.tau2 as number) - re.tau2) < 1e-12);
    assert.ok((pooled.ci as [number, number])[0] < (pooled.estimate as number));
  });

  it("identical centres pool to their common value with no heterogeneity", () => {
    const same = ["A", "B", "C"].map((c) => metrics(c, est(0.75, 0.05), est(1, 0.2)));
    const auc = poolCentres(same, "auc", 0.95);
    assert.ok(Math.abs((auc.estimate as number) - 0.75) < 1e-12);
    assert.equal(auc.tau2, 0);
    assert.equal(auc.I2, 0);
  });

  it("leaves out, by name, a centre without an estimate, without a positive SE, or at 0 or 1", () => {
    const mixed = [...centres, metrics("D", est(null, null), est(null, null)), metrics("E", est(1, 0.01), est(1, 0))];
    const auc = poolCentres(mixed, "auc", 0.95);
    assert.equal(auc.k, 3);
    assert.deepEqual(auc.excluded, [
      {centre: "D", reason: "no estimate with a positive standard error"},
      {centre: "E", reason: "estimate 1 has no logit"},
    ]);
    const slope = poolCentres(mixed, "calibrationSlope", 0.95);
    assert.deepEqual(
      slope.excluded.map((e) => e.centre),
      ["D", "E"],
    );
  });

  it("with no poolable centre every pooled value is null", () => {
    const pooled = poolCentres([metrics("D", est(null, null), est(null, null))], "accuracy", 0.95);
    assert.deepEqual(
      [pooled.k, pooled.estimate, pooled.ci, pooled.tau2, pooled.I2, pooled.Qp],
      [0, null, null, null, null, null],
    );
    assert.deepEqual([pooled.hksjCi, pooled.predictionInterval, pooled.tau2Ci, pooled.I2Ci], [null, null, null, null]);
  });
});
