import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {compareRungs} from "../../../src/components/ablation/compareRungs.js";
import {rungMetrics} from "../../../src/components/ablation/rungMetrics.js";
import {seedAverage} from "../../../src/components/ablation/seedAverage.js";
import {pairedComparison} from "../../../src/components/predictions/pairedComparison.js";
import {ladderRows} from "./fixture.js";

describe("compareRungs", () => {
  const strong = [1, 2, 3].map((s) => ladderRows(s, {signal: 3}));
  const weak = [11, 12, 13].map((s) => ladderRows(s, {signal: 0}));
  const current = {averaged: seedAverage(strong), perSeed: strong};
  const previous = {averaged: seedAverage(weak), perSeed: weak};
  const options = {thresholds: [0.3, 0.5], bootstrap: 200, seed: 1, ciLevel: 0.95};
  const result = compareRungs("A", current, previous, options);

  it("its paired DeLong ΔAUC is the Your predictions comparison's on the same seed-averaged rows", () => {
    const theirs = pairedComparison(current.averaged, previous.averaged, {bootstrap: 0, seed: 1, ciLevel: 0.95});
    const or = theirs.find((c) => c.cohort === "A")!.auc.find((a) => a.target === "OR")!;
    assert.ok("difference" in or);
    assert.equal(result.deltaAuc, or.difference);
    assert.deepEqual(result.ci, or.ci);
    assert.equal(result.p, or.p);
    assert.equal(result.patients, 24);
    for (const label of ["CR", "PR", "SD", "PD"]) {
      const mine = result.perClass[label]!;
      const other = theirs.find((c) => c.cohort === "A")!.auc.find((a) => a.target === label)!;
      assert.ok("deltaAuc" in mine && "difference" in other);
      assert.equal(mine.deltaAuc, other.difference);
    }
  });

  it("a strong model against a weak one: ΔAUC > 0 with a small p; the per-seed range brackets seed-wise deltas", () => {
    assert.ok(result.deltaAuc! > 0 && result.p! < 0.05, JSON.stringify(result.objectiveResponse));
    const seed0 = rungMetrics(strong[0]!, "A").objectiveResponseAuc! - rungMetrics(weak[0]!, "A").objectiveResponseAuc!;
    assert.equal(result.perSeedDeltaAuc.perSeed[0], seed0);
    assert.ok(result.perSeedDeltaAuc.min! <= seed0 && seed0 <= result.perSeedDeltaAuc.max!);
    assert.deepEqual(
      result.netBenefit.map((n) => n.threshold),
      [0.3, 0.5],
    );
    // ΔNB is an estimate with its interval (no p-value).
    assert.ok(result.netBenefit.every((n) => n.ci && n.ci[0] <= n.difference && n.difference <= n.ci[1]));
    assert.ok(result.netBenefit.every((n) => !("p" in n)));
    // Seed by seed: a paired DeLong test per seed, the first equal to the seed-0 point difference.
    const first = result.perSeedObjectiveResponse[0]!;
    assert.ok("deltaAuc" in first && Math.abs(first.deltaAuc - seed0) < 1e-12);
  });

  it("a rung against itself: Δ = 0 and p = 1 everywhere", () => {
    const same = compareRungs("B", current, current, options);
    assert.equal(same.deltaAuc, 0);
    assert.equal(same.p, 1);
    assert.ok(same.netBenefit.every((n) => n.difference === 0));
  });

  it("refuses a patient the previous rung did not score", () => {
    const fewer = {averaged: previous.averaged.filter((r) => r.patientId !== "A-3"), perSeed: weak};
    assert.throws(() => compareRungs("A", current, fewer, options), /patient A-3 of A has no previous-rung score/);
  });
});
