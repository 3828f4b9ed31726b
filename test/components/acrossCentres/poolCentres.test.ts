import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {CentreMetrics, Estimate} from "../../../src/components/acrossCentres/centreMetrics.js";
import {poolCentres} from "../../../src/components/acrossCentres/poolCentres.js";
import {randomEffects} from "../../../src/components/stats/randomEffects.js";

const est = (estimate: number | null, se: number | null): Estimate => ({estimate, se, ci: null});

function metrics(centre: string, auc: Estimate, slope: Estimate): CentreMetrics {
  return {centre, patients: 40, responders: 20, auc, accuracy: auc, calibrationSlope: slope};
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
  });
});
