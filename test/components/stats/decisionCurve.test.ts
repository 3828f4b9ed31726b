import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {decisionCurve, netBenefitDifference, thresholdGrid} from "../../../src/components/stats/decisionCurve.js";
import {assertClose, datasetNames, golden} from "./golden.js";

const withNb = datasetNames.filter((n) => golden.datasets[n].netBenefit);

describe("decisionCurve(outcome, score, options)", () => {
  for (const name of withNb) {
    it(`net benefit and treat-all match the plain-R definition on ${name} to 1e-9 (golden)`, () => {
      const d = golden.datasets[name];
      const curve = decisionCurve(d.outcome, d.score, {thresholds: d.netBenefit.thresholds});
      curve.forEach((p, i) => {
        assertClose(p.netBenefit, d.netBenefit.model[i], 1e-9, 1e-12, `NB at ${p.threshold}`);
        assertClose(p.treatAll, d.netBenefit.treatAll[i], 1e-9, 1e-12, `treat-all at ${p.threshold}`);
        assert.equal(p.treatNone, 0);
      });
    });
  }
  it("the default grid is 0.01…0.99 by 0.01 (99 thresholds), step configurable", () => {
    const grid = thresholdGrid();
    assert.equal(grid.length, 99);
    assert.deepEqual([grid[0], grid[6], grid[98]], [0.01, 0.07, 0.99]);
    assert.equal(thresholdGrid(0.05).length, 20);
    assert.throws(() => thresholdGrid(0), RangeError);
  });
  it("interventions avoided per 100 = (NB − NB_all)/(pt/(1 − pt))·100", () => {
    const [p] = decisionCurve([1, 0, 0, 1], [0.9, 0.6, 0.1, 0.3], {thresholds: [0.5]});
    assert.ok(p);
    // NB = 1/4 − 1/4·1 = 0; treat-all = ½ − ½ = 0 → avoided 0
    assert.deepEqual([p.netBenefit, p.treatAll, p.interventionsAvoided], [0, 0, 0]);
  });
  it("empty → []; NaN → RangeError naming the index; thresholds must be in (0, 1)", () => {
    assert.deepEqual(decisionCurve([], []), []);
    assert.throws(() => decisionCurve([1, 0], [0.1, Number.NaN]), /score\[1\]/);
    assert.throws(() => decisionCurve([1, 0], [0.1, 0.2], {thresholds: [1]}), /thresholds\[0\]/);
  });
  it("a bootstrap band is seeded, contains the estimate on smooth data and is reproducible", () => {
    const d = golden.datasets.largeTies;
    const a = decisionCurve(d.outcome, d.score, {bootstrap: 300, seed: 3, step: 0.1});
    const b = decisionCurve(d.outcome, d.score, {bootstrap: 300, seed: 3, step: 0.1});
    assert.deepEqual(a, b);
    for (const p of a) {
      assert.ok(p.ci && p.ci[0] <= p.netBenefit + 1e-12 && p.netBenefit <= p.ci[1] + 1e-12);
    }
  });
  it("the band resamples patients unstratified, so the prevalence varies: treating everyone has a band of positive width", () => {
    // Scores all 1 treat everyone, so NB = prevalence − (1 − prevalence)·odds: an outcome-stratified bootstrap fixes
    // the prevalence and gives a zero-width band; resampling without strata must not.
    const outcome = Array.from({length: 40}, (_, i) => (i % 4 === 0 ? 1 : 0));
    const ones = outcome.map(() => 1);
    const clusters = outcome.map((_, i) => `p${Math.floor(i / 2)}`);
    for (const options of [{}, {clusters}]) {
      const [point] = decisionCurve(outcome, ones, {bootstrap: 400, seed: 5, thresholds: [0.2], ...options});
      assert.ok(point?.ci && point.ci[1] - point.ci[0] > 0.05, JSON.stringify(point));
    }
  });
  it("netBenefitDifference of a model with itself is 0 with a [0, 0] band", () => {
    const d = golden.datasets.largeTies;
    for (const p of netBenefitDifference(d.outcome, d.score, d.score, {bootstrap: 50, step: 0.2})) {
      assert.equal(p.difference, 0);
      assert.deepEqual(p.ci, [0, 0]);
    }
  });
  it("netBenefitDifference equals the difference of the two curves", () => {
    const d = golden.datasets.largeTies;
    const a = decisionCurve(d.outcome, d.score);
    const b = decisionCurve(d.outcome, d.score2);
    netBenefitDifference(d.outcome, d.score, d.score2).forEach((p, i) => {
      assertClose(p.difference, (a[i]?.netBenefit as number) - (b[i]?.netBenefit as number), 1e-12, 1e-15);
    });
  });
  it("property: treat-none is 0 and a model scoring everyone 1 equals treat-all", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), {minLength: 1, maxLength: 40}), (y) => {
        const curve = decisionCurve(
          y,
          y.map(() => 1),
          {step: 0.1},
        );
        for (const p of curve) {
          assert.equal(p.treatNone, 0);
          assertClose(p.netBenefit, p.treatAll, 1e-12, 1e-12);
        }
      }),
      {seed: 20200106, numRuns: 100},
    );
  });
});
