import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {weightedKappa} from "../../../src/components/stats/weightedKappa.js";
import {beyond} from "./beyondGolden.js";
import {assertClose} from "./golden.js";

const d = beyond.ordinal;
const obs = (d.observed as number[]).map((c) => c - 1);
const pred = (d.predicted as number[]).map((c) => c - 1);

describe("weightedKappa (golden: psy::wkappa = irr::kappa2, psych::cohen.kappa)", () => {
  it("linear, quadratic and unweighted κ match R to 1e-12", () => {
    assertClose(
      weightedKappa(obs, pred, 4, {weighting: "linear", replicates: 0}).kappa as number,
      d.kappaLinear.value,
      1e-12,
    );
    assertClose(
      weightedKappa(obs, pred, 4, {weighting: "quadratic", replicates: 0}).kappa as number,
      d.kappaQuadratic.value,
      1e-12,
    );
    assertClose(
      weightedKappa(obs, pred, 4, {weighting: "none", replicates: 0}).kappa as number,
      d.kappaUnweighted.value,
      1e-12,
    );
  });
  it("the bootstrap interval is seeded: same seed same interval, another seed another; it brackets κ here", () => {
    const a = weightedKappa(obs, pred, 4, {replicates: 500, seed: 3});
    const b = weightedKappa(obs, pred, 4, {replicates: 500, seed: 3});
    const c = weightedKappa(obs, pred, 4, {replicates: 500, seed: 4});
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.ci, c.ci);
    const [lo, hi] = a.ci as [number, number];
    assert.ok(lo < (a.kappa as number) && (a.kappa as number) < hi && hi - lo < 0.4, `${lo} ${a.kappa} ${hi}`);
    assert.equal(a.replicates + a.dropped, 500);
  });
  it("perfect agreement gives κ = 1 under every weighting; κ ≤ 1 always (property)", () => {
    for (const weighting of ["none", "linear", "quadratic"] as const) {
      assert.equal(weightedKappa([0, 1, 2, 3, 2], [0, 1, 2, 3, 2], 4, {weighting, replicates: 0}).kappa, 1);
    }
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({min: 0, max: 3}), fc.integer({min: 0, max: 3})), {minLength: 1, maxLength: 50}),
        (pairs) => {
          const k = weightedKappa(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
            4,
            {replicates: 20, seed: 1},
          );
          if (k.kappa !== null) assert.ok(k.kappa <= 1 + 1e-12);
          if (k.ci) assert.ok(k.ci[0] <= k.ci[1]);
        },
      ),
      {seed: 14, numRuns: 100},
    );
  });
  it("one class in both ratings: κ undefined (null), every replicate dropped", () => {
    const k = weightedKappa([1, 1], [1, 1], 4, {replicates: 10});
    assert.deepEqual([k.kappa, k.ci, k.replicates, k.dropped], [null, null, 0, 10]);
  });
  it("bad input names the entry", () => {
    assert.throws(() => weightedKappa([0, 4], [0, 1], 4), /observed\[1\]/);
    assert.throws(() => weightedKappa([0, 1], [0, 1.5], 4), /predicted\[1\]/);
    assert.throws(() => weightedKappa([0], [0, 1], 4), /same length/);
  });
});
