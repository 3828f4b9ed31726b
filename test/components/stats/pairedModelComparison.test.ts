import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {decisionCurve, netBenefitDifference} from "../../../src/components/stats/decisionCurve.js";
import {delongTest} from "../../../src/components/stats/pairedDelong.js";
import {pairedModelComparison} from "../../../src/components/stats/pairedModelComparison.js";
import {assertClose, datasetNames, golden} from "./golden.js";

const off = {ciLevel: 0.95, classes: 0, netBenefit: null};

describe("pairedModelComparison(truth, a, b, options)", () => {
  // R's binary golden datasets as two-class patients: class 0 (the responder class) when the outcome is 1, and the
  // score as P(class 0), so the objective-response score is the dataset's score.
  const asPatients = (d: {outcome: number[]; score: number[]; score2: number[]}) => ({
    truth: d.outcome.map((y) => (y === 1 ? 0 : 1)),
    a: d.score.map((s) => [s, 0]),
    b: d.score2.map((s) => [s, 0]),
  });

  for (const name of datasetNames) {
    const d = golden.datasets[name];
    it(`${name}: objective response is pROC roc.test(…, method = "delong", paired = TRUE) (R golden)`, () => {
      const {truth, a, b} = asPatients(d);
      const r = pairedModelComparison(truth, a, b, {...off, responders: [0]}).objectiveResponse;
      assert.ok(r);
      assertClose(r.auc1, d.rocTest.auc1, 1e-12);
      assertClose(r.auc2, d.rocTest.auc2, 1e-12);
      assertClose(r.z, d.rocTest.z, 1e-9, 1e-12);
      assertClose(r.p, d.rocTest.p, 1e-9, 1e-15);
      assertClose(r.ci[0], d.rocTest.ci[0], 1e-9, 1e-12);
      assertClose(r.ci[1], d.rocTest.ci[1], 1e-9, 1e-12);
    });
    if (!d.netBenefit) continue;
    it(`${name}: ΔNB against treating nobody is R's net benefit of the model (R golden)`, () => {
      const {truth, a} = asPatients(d);
      const nobody = a.map(() => [0, 0]);
      const thresholds = d.netBenefit.thresholds as number[];
      const r = pairedModelComparison(truth, a, nobody, {
        ...off,
        responders: [0],
        netBenefit: {thresholds, bootstrap: 0, seed: 1},
      });
      r.netBenefit.forEach((p, i) => {
        assertClose(p.difference, d.netBenefit.model[i], 1e-9, 1e-12, `ΔNB at ${p.threshold}`);
      });
    });
  }

  it("is delongTest per class and for objective response, and netBenefitDifference with the caller's seed (property, seeded)", () => {
    // Class scores need not sum to 1 here: both tests only rank and threshold them.
    const probability = fc.array(fc.double({min: 0, max: 1, noNaN: true}), {minLength: 4, maxLength: 4});
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({min: 0, max: 3}), probability, probability), {minLength: 1, maxLength: 40}),
        fc.integer({min: 0, max: 1000}),
        (patients, seed) => {
          const truth = patients.map(([t]) => t);
          const a = patients.map(([, p]) => p);
          const b = patients.map(([, , p]) => p);
          const thresholds = [0.2, 0.5];
          const r = pairedModelComparison(truth, a, b, {
            ciLevel: 0.9,
            classes: 4,
            netBenefit: {thresholds, bootstrap: 20, seed},
          });
          const outcome = truth.map((t) => (t <= 1 ? 1 : 0));
          const or = (p: number[][]) => p.map((v) => (v[0] as number) + (v[1] as number));
          assert.deepStrictEqual(r.objectiveResponse, delongTest(outcome, or(a), or(b), 0.9));
          r.perClass.forEach((t, k) => {
            const y = truth.map((c) => (c === k ? 1 : 0));
            assert.deepStrictEqual(
              t,
              delongTest(
                y,
                a.map((v) => v[k] as number),
                b.map((v) => v[k] as number),
                0.9,
              ),
            );
          });
          assert.deepStrictEqual(
            r.netBenefit,
            netBenefitDifference(outcome, or(a), or(b), {thresholds, bootstrap: 20, seed, ciLevel: 0.9}),
          );
        },
      ),
      {seed: 5, numRuns: 100},
    );
  });

  it("a model against itself: Δ = 0 with p = 1, ΔNB 0 with a [0, 0] interval", () => {
    const truth = [0, 1, 2, 3, 0, 2, 3, 1];
    const p = truth.map((t, i) => [0.1 + 0.05 * i, 0.2, 0.3, 0.4 - 0.05 * i + 0.01 * t]);
    const r = pairedModelComparison(truth, p, p, {
      ciLevel: 0.95,
      classes: 4,
      netBenefit: {thresholds: [0.3], bootstrap: 50, seed: 3},
    });
    assert.equal(r.objectiveResponse?.difference, 0);
    assert.equal(r.objectiveResponse?.p, 1);
    assert.equal(r.perClass.length, 4);
    assert.deepEqual(r.netBenefit, [{threshold: 0.3, difference: 0, ci: [0, 0]}]);
  });

  it("responders, no classes and no ΔNB as asked; null tests when not estimable; mismatched lengths refused", () => {
    const r = pairedModelComparison(
      [0, 1, 2],
      [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
      [
        [0, 0, 1],
        [0, 1, 0],
        [1, 0, 0],
      ],
      {
        ...off,
        responders: [0],
      },
    );
    assert.equal(r.objectiveResponse, null);
    assert.deepEqual([r.perClass, r.netBenefit], [[], []]);
    assert.throws(() => pairedModelComparison([0, 1], [[1, 0]], [[1, 0]], off), /2 patients, 1 and 1 scores/);
  });

  it("no interval without replicates: the ΔNB estimate alone, as decisionCurve's difference", () => {
    const truth = [0, 2, 1, 3, 0, 3];
    const a = truth.map((t) => (t <= 1 ? [0.5, 0.3, 0.1, 0.1] : [0.1, 0.1, 0.4, 0.4]));
    const b = truth.map(() => [0.2, 0.2, 0.3, 0.3]);
    const [r] = pairedModelComparison(truth, a, b, {
      ...off,
      netBenefit: {thresholds: [0.5], bootstrap: 0, seed: 1},
    }).netBenefit;
    const outcome = truth.map((t) => (t <= 1 ? 1 : 0));
    const [ca] = decisionCurve(outcome, [0.8, 0.2, 0.8, 0.2, 0.8, 0.2], {thresholds: [0.5]});
    const [cb] = decisionCurve(outcome, [0.4, 0.4, 0.4, 0.4, 0.4, 0.4], {thresholds: [0.5]});
    assert.ok(r && ca && cb && r.ci === undefined);
    assertClose(r.difference, ca.netBenefit - cb.netBenefit, 1e-12, 1e-15);
  });
});
