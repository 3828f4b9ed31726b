import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {centreMetrics} from "../../../src/components/acrossCentres/centreMetrics.js";
import {auc} from "../../../src/components/stats/auc.js";
import {calibration} from "../../../src/components/stats/calibration.js";
import type {PatientPrediction} from "../../../src/components/stats/patientPrediction.js";
import {createRng} from "../../../src/components/stats/random.js";
import {wilsonInterval} from "../../../src/components/stats/wilson.js";

/** Patients whose four-class probabilities lean towards their own class by `signal` (seeded). */
function centre(n: number, signal: number, seed: number): PatientPrediction[] {
  const rng = createRng(seed);
  return Array.from({length: n}, (_, i) => {
    const label = i % 4;
    const e = [0, 1, 2, 3].map((k) => Math.exp((k === label ? signal : 0) + rng.normal()));
    const s = e.reduce((a, b) => a + b, 0);
    return {label, probabilities: e.map((v) => v / s)};
  });
}

const responderScore = (p: PatientPrediction) => (p.probabilities[0] as number) + (p.probabilities[1] as number);

describe("centreMetrics", () => {
  const patients = centre(80, 1, 1);
  const m = centreMetrics("X", patients, 0.95);

  it("counts patients and responders (CR + PR)", () => {
    assert.equal(m.centre, "X");
    assert.equal(m.patients, 80);
    assert.equal(m.responders, 40);
  });

  it("AUC is the objective-response AUC of P(CR) + P(PR), with an interval around it", () => {
    const expected = auc(
      patients.map((p) => (p.label <= 1 ? 1 : 0)),
      patients.map(responderScore),
    );
    assert.ok(expected !== null && Math.abs((m.auc.estimate as number) - expected) < 1e-12);
    assert.ok(m.auc.se !== null && m.auc.se > 0);
    const [lo, hi] = m.auc.ci as [number, number];
    assert.ok(lo < expected && expected < hi && lo >= 0 && hi <= 1);
  });

  it("accuracy is the share of argmax = label, with the Wilson interval and the binomial SE", () => {
    const correct = patients.filter((p) => p.probabilities.indexOf(Math.max(...p.probabilities)) === p.label).length;
    assert.equal(m.accuracy.estimate, correct / 80);
    assert.deepEqual(m.accuracy.ci, wilsonInterval(correct, 80, 0.95));
    assert.ok(Math.abs((m.accuracy.se as number) - Math.sqrt(((correct / 80) * (1 - correct / 80)) / 80)) < 1e-15);
  });

  it("calibration-in-the-large equals calibration()'s intercept (glm(y ~ offset(qlogis(p)))), with a Wald interval", () => {
    const expected = calibration(
      patients.map((p) => (p.label <= 1 ? 1 : 0)),
      patients.map(responderScore),
    ).intercept;
    assert.ok(expected !== null && Math.abs((m.calibrationInTheLarge.estimate as number) - expected) < 1e-9);
    const se = m.calibrationInTheLarge.se as number;
    const [lo, hi] = m.calibrationInTheLarge.ci as [number, number];
    assert.ok(se > 0 && Math.abs(hi - lo - 2 * 1.959963984540054 * se) < 1e-9);
  });

  it("the calibration slope equals calibration()'s (glm(y ~ qlogis(p))), with a Wald interval", () => {
    const expected = calibration(
      patients.map((p) => (p.label <= 1 ? 1 : 0)),
      patients.map(responderScore),
    ).slope;
    assert.ok(expected !== null && Math.abs((m.calibrationSlope.estimate as number) - expected) < 1e-8);
    const se = m.calibrationSlope.se as number;
    const [lo, hi] = m.calibrationSlope.ci as [number, number];
    assert.ok(Math.abs(hi - lo - 2 * 1.959963984540054 * se) < 1e-9);
  });

  it("a centre without responders has no AUC and no slope, but an accuracy", () => {
    const none = centreMetrics(
      "Y",
      centre(20, 1, 2).filter((p) => p.label >= 2),
      0.95,
    );
    assert.equal(none.responders, 0);
    assert.equal(none.auc.estimate, null);
    assert.equal(none.calibrationSlope.estimate, null);
    assert.equal(none.calibrationInTheLarge.estimate, null);
    assert.ok(none.accuracy.estimate !== null);
  });

  it("perfect separation leaves the slope out instead of failing (calibration-in-the-large stays finite)", () => {
    const separated = Array.from({length: 20}, (_, i): PatientPrediction => {
      const label = i % 4;
      const p = label <= 1 ? 0.9 : 0.1;
      return {label, probabilities: [p / 2, p / 2, (1 - p) / 2, (1 - p) / 2]};
    });
    const r = centreMetrics("Z", separated, 0.95);
    assert.equal(r.auc.estimate, 1);
    assert.equal(r.calibrationSlope.estimate, null);
    // logit π = a + logit(0.9 or 0.1) with half the patients responding: a = 0 exactly.
    assert.ok(Math.abs(r.calibrationInTheLarge.estimate as number) < 1e-12);
  });

  it("an empty centre has no estimates", () => {
    const r = centreMetrics("E", [], 0.95);
    assert.deepEqual(
      [r.auc.estimate, r.accuracy.estimate, r.calibrationSlope.estimate, r.calibrationInTheLarge.estimate],
      [null, null, null, null],
    );
  });
});
