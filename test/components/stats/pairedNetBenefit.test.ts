import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {netBenefitDifference} from "../../../src/components/stats/decisionCurve.js";
import {pairedNetBenefitTest} from "../../../src/components/stats/pairedNetBenefit.js";

describe("pairedNetBenefitTest", () => {
  const options = {replicates: 500, seed: 3, ciLevel: 0.95};

  it("ΔNB by hand: 4 subjects, t = 0.5 (odds 1)", () => {
    // Model 1 treats subjects 0 (event) and 2 (no event); model 2 treats subject 0 only.
    // NB1 = 1/4 − 1/4 · 1 = 0; NB2 = 1/4; Δ = −0.25.
    const [r] = pairedNetBenefitTest([1, 0, 0, 1], [0.9, 0.1, 0.6, 0.2], [0.9, 0.1, 0.2, 0.2], [0.5], options);
    assert.equal(r!.difference, -0.25);
    assert.ok(r!.ci[0] <= r!.ci[1]);
  });

  it("agrees with decisionCurve's netBenefitDifference on the point estimate", () => {
    const y = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0];
    const a = [0.8, 0.3, 0.6, 0.45, 0.5, 0.2, 0.9, 0.35, 0.25, 0.7];
    const b = [0.6, 0.4, 0.5, 0.55, 0.3, 0.1, 0.7, 0.45, 0.35, 0.2];
    const t = [0.2, 0.3, 0.4, 0.5];
    const ours = pairedNetBenefitTest(y, a, b, t, options);
    const theirs = netBenefitDifference(y, a, b, {thresholds: t});
    for (const [k, r] of ours.entries()) assert.ok(Math.abs(r.difference - theirs[k]!.difference) < 1e-12);
  });

  it("identical models: Δ = 0, interval [0, 0], p = 1", () => {
    const [r] = pairedNetBenefitTest([1, 0, 1, 0], [0.7, 0.2, 0.4, 0.6], [0.7, 0.2, 0.4, 0.6], [0.3], options);
    assert.deepEqual(r, {threshold: 0.3, difference: 0, ci: [0, 0], p: 1});
  });

  it("a clearly better model on 200 subjects has a small p; the same seed gives the same result", () => {
    const y = Array.from({length: 200}, (_, i) => (i % 2 === 0 ? 1 : 0));
    const good = y.map((v, i) => (v ? 0.7 + (i % 7) / 30 : 0.1 + (i % 5) / 30));
    const coin = y.map((_, i) => ((i * 37) % 100) / 100);
    const r = pairedNetBenefitTest(y, good, coin, [0.4], options);
    assert.ok(r[0]!.difference > 0 && r[0]!.p < 0.01, JSON.stringify(r));
    assert.deepEqual(pairedNetBenefitTest(y, good, coin, [0.4], options), r);
  });

  it("refuses empty input, NaN scores and thresholds outside (0, 1)", () => {
    assert.throws(() => pairedNetBenefitTest([], [], [], [0.5], options), /at least one subject/);
    assert.throws(() => pairedNetBenefitTest([1], [Number.NaN], [0.5], [0.5], options), /subject 0 is NaN/);
    assert.throws(() => pairedNetBenefitTest([1], [0.5], [0.5], [1], options), /thresholds in \(0, 1\)/);
  });

  it("property: swapping the models negates Δ and its interval, and keeps p", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.boolean(), fc.double({min: 0, max: 1, noNaN: true}), fc.double({min: 0, max: 1, noNaN: true})),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (rows) => {
          const y = rows.map((r) => (r[0] ? 1 : 0));
          const a = rows.map((r) => r[1]);
          const b = rows.map((r) => r[2]);
          const o = {replicates: 50, seed: 9, ciLevel: 0.9};
          const [ab] = pairedNetBenefitTest(y, a, b, [0.3], o);
          const [ba] = pairedNetBenefitTest(y, b, a, [0.3], o);
          assert.ok(Math.abs(ab!.difference + ba!.difference) < 1e-12);
          assert.ok(Math.abs(ab!.ci[0] + ba!.ci[1]) < 1e-12 && Math.abs(ab!.ci[1] + ba!.ci[0]) < 1e-12);
          assert.equal(ab!.p, ba!.p);
        },
      ),
      {seed: 13, numRuns: 100},
    );
  });
});
