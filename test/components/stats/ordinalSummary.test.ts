import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {ordinalSummary} from "../../../src/components/stats/ordinalSummary.js";
import type {PatientPrediction} from "../../../src/components/stats/patientPrediction.js";
import {createRng, deriveSeed} from "../../../src/components/stats/random.js";
import {weightedKappa} from "../../../src/components/stats/weightedKappa.js";

function patients(n: number, signal: number, seed: number): PatientPrediction[] {
  const rng = createRng(seed);
  return Array.from({length: n}, (_, i) => {
    const label = i % 4;
    const e = [0, 1, 2, 3].map((k) => Math.exp(-signal * Math.abs(k - label) + rng.normal()));
    const s = e.reduce((a, b) => a + b, 0);
    return {label, probabilities: e.map((v) => v / s)};
  });
}

const options = {replicates: 200, seed: 5, ciLevel: 0.95};

describe("ordinalSummary", () => {
  it("κ is weightedKappa of the argmax class against the label, with the cohort's derived seed", () => {
    const list = patients(60, 1, 1);
    const summary = ordinalSummary("ZH", list, 4, options);
    const predicted = list.map((p) => p.probabilities.indexOf(Math.max(...p.probabilities)));
    const observed = list.map((p) => p.label);
    for (const weighting of ["linear", "quadratic"] as const) {
      const expected = weightedKappa(observed, predicted, 4, {
        weighting,
        replicates: 200,
        seed: deriveSeed(5, "kappa-ZH"),
        ciLevel: 0.95,
      });
      assert.deepEqual(summary[weighting], expected);
    }
    assert.equal(summary.cohort, "ZH");
    assert.equal(summary.patients, 60);
  });

  it("perfect ordered predictions give κ = 1, ORC = 1 and Harrell's C = 1", () => {
    const perfect = Array.from({length: 20}, (_, i): PatientPrediction => {
      const label = i % 4;
      return {label, probabilities: [0, 1, 2, 3].map((k) => (k === label ? 0.7 : 0.1))};
    });
    const s = ordinalSummary("P", perfect, 4, options);
    assert.equal(s.linear.kappa, 1);
    assert.equal(s.quadratic.kappa, 1);
    assert.equal(s.orc, 1);
    assert.equal(s.harrellC, 1);
  });

  it("probabilities in reverse order rank below chance; informative ones above", () => {
    const good = ordinalSummary("G", patients(80, 2, 2), 4, options);
    assert.ok((good.orc as number) > 0.6 && (good.harrellC as number) > 0.6);
    const reversed = patients(80, 2, 2).map((p) => ({...p, probabilities: [...p.probabilities].reverse()}));
    const bad = ordinalSummary("B", reversed, 4, options);
    assert.ok((bad.orc as number) < 0.4 && (bad.harrellC as number) < 0.4);
    assert.ok((bad.quadratic.kappa as number) < 0);
  });

  it("is reproducible, and a different cohort name draws different bootstrap replicates", () => {
    const list = patients(40, 1, 3);
    assert.deepEqual(ordinalSummary("A", list, 4, options), ordinalSummary("A", list, 4, options));
    assert.notDeepEqual(
      ordinalSummary("A", list, 4, options).linear.ci,
      ordinalSummary("B", list, 4, options).linear.ci,
    );
  });
});
