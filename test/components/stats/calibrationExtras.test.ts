import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {calibration} from "../../../src/components/stats/calibration.js";
import {calibrationBootstrap} from "../../../src/components/stats/calibrationBootstrap.js";
import {calibrationExtras} from "../../../src/components/stats/calibrationExtras.js";
import type {PatientPrediction} from "../../../src/components/stats/patientPrediction.js";
import {createRng, deriveSeed} from "../../../src/components/stats/random.js";

/** Patients whose responder probability is `shift` away (on the logit scale) from the truth that drew the label. */
function cohort(n: number, shift: number, seed: number): PatientPrediction[] {
  const rng = createRng(seed);
  return Array.from({length: n}, () => {
    const eta = 1.5 * rng.normal();
    const responder = rng.next() < 1 / (1 + Math.exp(-eta));
    const label = responder ? (rng.next() < 0.5 ? 0 : 1) : rng.next() < 0.5 ? 2 : 3;
    const p = 1 / (1 + Math.exp(-(eta + shift)));
    return {label, probabilities: [p / 2, p / 2, (1 - p) / 2, (1 - p) / 2]};
  });
}

const outcome = (list: PatientPrediction[]) => list.map((p) => (p.label <= 1 ? 1 : 0));
const score = (list: PatientPrediction[]) =>
  list.map((p) => (p.probabilities[0] as number) + (p.probabilities[1] as number));
const options = {classes: 4, replicates: 100, seed: 2, ciLevel: 0.95, bins: 10};

describe("calibrationExtras", () => {
  const a = cohort(150, 0, 1);
  const b = cohort(150, 1, 2);
  const extras = calibrationExtras(
    [
      {cohort: "A", patients: a},
      {cohort: "B", patients: b},
    ],
    options,
  );

  it("intercept, slope and Brier are calibration()'s; the bootstrap is calibrationBootstrap with the cohort's seed", () => {
    const [ca] = extras.cohorts;
    const point = calibration(outcome(a), score(a), {bins: 10});
    assert.equal(ca?.cohort, "A");
    assert.equal(ca?.patients, 150);
    assert.deepEqual([ca?.intercept, ca?.slope, ca?.brier], [point.intercept, point.slope, point.brier]);
    assert.deepEqual(
      ca?.bootstrap,
      calibrationBootstrap(outcome(a), score(a), {
        replicates: 100,
        seed: deriveSeed(2, "calibration-A"),
        ciLevel: 0.95,
      }),
    );
    const {ci} = ca?.bootstrap.slope ?? {};
    assert.ok(ci && ci[0] < (point.slope as number) && (point.slope as number) < ci[1]);
  });

  it("the loess curve spans the scores, stays in [0, 1], and its band holds the curve", () => {
    for (const c of extras.cohorts) {
      assert.equal(c.loess.length, 40);
      const s = score(c.cohort === "A" ? a : b);
      assert.ok(Math.abs((c.loess[0]?.p as number) - Math.min(...s)) < 1e-12);
      assert.ok(Math.abs((c.loess.at(-1)?.p as number) - Math.max(...s)) < 1e-12);
      for (const point of c.loess) {
        assert.ok(point.observed >= 0 && point.observed <= 1);
        assert.ok(point.lo !== null && point.hi !== null && point.lo <= point.hi);
      }
    }
    assert.equal(extras.loessSpan, 0.75);
  });

  it("per-class calibration covers the four classes, one vs rest", () => {
    const perClass = extras.cohorts[0]?.perClass ?? [];
    assert.deepEqual(
      perClass.map((c) => c.label),
      [0, 1, 2, 3],
    );
    const cr = calibration(
      a.map((p) => (p.label === 0 ? 1 : 0)),
      a.map((p) => p.probabilities[0] as number),
      {bins: 10},
    );
    assert.deepEqual(perClass[0], {label: 0, intercept: cr.intercept, slope: cr.slope, brier: cr.brier});
  });

  it("recalibrates each cohort on the other; a cohort recalibrated on a copy of itself becomes calibrated", () => {
    assert.deepEqual(
      extras.recalibration.map((r) => [r.fittedOn, r.appliedTo]),
      [
        ["A", "B"],
        ["B", "A"],
      ],
    );
    const self = calibrationExtras(
      [
        {cohort: "B", patients: b},
        {cohort: "B copy", patients: b},
      ],
      options,
    ).recalibration[0];
    assert.ok(self);
    assert.ok(Math.abs(self.after.intercept as number) < 1e-6, `intercept ${self.after.intercept}`);
    assert.ok(Math.abs((self.after.slope as number) - 1) < 1e-6, `slope ${self.after.slope}`);
    // B's probabilities are shifted up by 1 on the logit scale: recalibration removes most of that.
    assert.ok((self.before.intercept as number) < -0.5);
    assert.ok((self.after.brier as number) < (self.before.brier as number));
  });

  it("a single cohort has no recalibration; one class has no slope; identical scores give no loess curve, with why", () => {
    const oneClass = cohort(30, 0, 3).map((p) => ({...p, label: 2}));
    const r = calibrationExtras([{cohort: "C", patients: oneClass}], options);
    assert.deepEqual(r.recalibration, []);
    assert.equal(r.cohorts[0]?.slope, null);
    assert.ok(r.cohorts[0]?.loess.every((point) => point.observed === 0));
    const flat = Array.from(
      {length: 8},
      (_, i): PatientPrediction => ({label: i % 4, probabilities: [0.25, 0.25, 0.25, 0.25]}),
    );
    const d = calibrationExtras([{cohort: "D", patients: flat}], options).cohorts[0];
    assert.deepEqual(d?.loess, []);
    assert.match(d?.loessNote ?? "", /^no loess curve: loess: /);
    assert.equal(d?.loessFits, undefined, "no curve, no band fits to count");
  });

  it("counts the band's bootstrap fits: all 200 used on a cohort of distinct scores", () => {
    for (const c of extras.cohorts) assert.deepEqual(c.loessFits, {replicates: 200, used: 200, failed: 0});
  });

  it("counts the fits that failed and leaves them out, so the caption can say on how many the band rests", () => {
    // Six patients with distinct scores: the curve fits (4 nearest points of 6), but a resample that draws one
    // patient 4 or more times has 4 coincident nearest points there and no local fit.
    const six = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6].map(
      (p, i): PatientPrediction => ({label: i % 2 === 0 ? 0 : 2, probabilities: [p, 0, 1 - p, 0]}),
    );
    const fits = calibrationExtras([{cohort: "E", patients: six}], options).cohorts[0]?.loessFits;
    assert.ok(fits, "the curve itself fits");
    assert.equal(fits.replicates, 200);
    assert.equal(fits.used + fits.failed, 200);
    assert.ok(fits.failed > 0 && fits.used > 0, `${fits.failed} failed, ${fits.used} used`);
  });
});
