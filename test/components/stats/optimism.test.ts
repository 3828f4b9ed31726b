import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {harrellOptimism} from "../../../src/components/stats/optimism.js";
import {createRng} from "../../../src/components/stats/random.js";
import {ResponseMetricKeys, responseMetrics} from "../../../src/components/stats/responseMetrics.js";

/** Random 4-class labels, every class present (units 0..3 carry classes 0..3). */
function labels(n: number, seed: number): number[] {
  const rng = createRng(seed);
  return Array.from({length: n}, (_, i) => (i < 4 ? i : rng.int(4)));
}

/** Pure-noise features: d independent standard normals per unit, unrelated to the labels. */
function noise(n: number, d: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({length: n}, () => Array.from({length: d}, () => rng.normal()));
}

/** A model that ignores its training data: the same probability vector for everyone. */
const constant = [0.4, 0.3, 0.2, 0.1];

/**
 * The most flexible head there is: 1-nearest neighbour on the features, which memorises its training draw (a unit in
 * the draw is its own neighbour), with a little probability mass spread so the AUCs are not all ties.
 */
function nearestNeighbour(x: number[][], truth: number[], draw: readonly number[]) {
  const members = [...new Set(draw)];
  return (u: number): number[] => {
    let best = members[0] as number;
    let bestD = Number.POSITIVE_INFINITY;
    for (const m of members) {
      let d = 0;
      const a = x[u] as number[];
      const b = x[m] as number[];
      for (let j = 0; j < a.length; j++) d += ((a[j] as number) - (b[j] as number)) ** 2;
      if (d < bestD) {
        bestD = d;
        best = m;
      }
    }
    const p = [0.05, 0.05, 0.05, 0.05];
    p[truth[best] as number] = 0.85;
    return p;
  };
}

describe("harrellOptimism", () => {
  it("a model that cannot overfit (a constant predictor) has no optimism: AUCs exactly, accuracy within noise", () => {
    fc.assert(
      fc.property(fc.integer({min: 20, max: 80}), fc.integer({min: 0, max: 1e6}), (n, seed) => {
        const truth = labels(n, seed);
        const probabilities = truth.map(() => constant);
        const result = harrellOptimism({
          units: n,
          fit: () => null,
          score: (_m, units) => responseMetrics(truth, probabilities, units),
          metrics: ResponseMetricKeys,
          replicates: 200,
          seed,
        });
        for (const k of ["objectiveResponseAuc", "CR", "PR", "SD", "PD"] as const) {
          assert.equal(result[k].optimism, 0, k);
          assert.equal(result[k].optimismSe, 0, k);
          assert.equal(result[k].corrected, 0.5, k);
        }
        // E[accuracy on a draw] = accuracy on the original; the mean of 200 differences stays near 0.
        assert.ok(Math.abs(result.accuracy.optimism as number) < 0.05, String(result.accuracy.optimism));
        assert.equal(result.accuracy.replicates, 200);
      }),
      {numRuns: 20, seed: 13},
    );
  });

  it("pure-noise features and a flexible head: optimism > 0, corrected below apparent and near chance", () => {
    fc.assert(
      fc.property(fc.integer({min: 30, max: 80}), fc.integer({min: 0, max: 1e6}), (n, seed) => {
        const truth = labels(n, seed);
        const x = noise(n, 5, seed + 1);
        const fit = (draw: readonly number[]) => nearestNeighbour(x, truth, draw);
        const result = harrellOptimism({
          units: n,
          fit,
          score: (predict, units) =>
            responseMetrics(
              truth,
              truth.map((_, u) => predict(u)),
              units,
            ),
          metrics: ResponseMetricKeys,
          replicates: 30,
          seed,
        });
        // The memorising head scores perfectly on its own data and about 0.632 + 0.368 / 4 on the original.
        assert.equal(result.accuracy.apparent, 1);
        assert.ok((result.accuracy.optimism as number) > 0.15, String(result.accuracy.optimism));
        assert.ok((result.objectiveResponseAuc.optimism as number) > 0, String(result.objectiveResponseAuc.optimism));
        assert.ok((result.accuracy.corrected as number) < 0.85);
        // Thirty replicates pin the optimism well below its size.
        assert.ok((result.accuracy.optimismSe as number) < (result.accuracy.optimism as number) / 3);
      }),
      {numRuns: 10, seed: 14},
    );
  });

  it("uses a given apparent performance, reports corrected = apparent − optimism, and is reproducible by seed", () => {
    const n = 40;
    const truth = labels(n, 3);
    const x = noise(n, 3, 4);
    const options = {
      units: n,
      fit: (draw: readonly number[]) => nearestNeighbour(x, truth, draw),
      score: (predict: (u: number) => number[], units: readonly number[]) =>
        responseMetrics(
          truth,
          truth.map((_, u) => predict(u)),
          units,
        ),
      metrics: ResponseMetricKeys,
      replicates: 10,
      seed: 99,
    };
    const apparent = {objectiveResponseAuc: 0.9, accuracy: 0.8, CR: null, PR: 0.7, SD: 0.6, PD: 0.5};
    const a = harrellOptimism({...options, apparent});
    const b = harrellOptimism({...options, apparent});
    assert.deepEqual(a, b);
    assert.equal(a.CR.apparent, null);
    assert.equal(a.CR.corrected, null);
    assert.equal(a.accuracy.apparent, 0.8);
    assert.ok(Math.abs((a.accuracy.corrected as number) - (0.8 - (a.accuracy.optimism as number))) < 1e-15);
    const c = harrellOptimism({...options, apparent, seed: 100});
    assert.notEqual(c.accuracy.optimism, a.accuracy.optimism);
  });

  it("leaves out replicates where a metric is undefined, and refuses bad sizes", () => {
    // Two units, one responder: a draw of the same unit twice has no AUC.
    const truth = [0, 3];
    const probabilities = [
      [0.7, 0.1, 0.1, 0.1],
      [0.1, 0.1, 0.1, 0.7],
    ];
    const result = harrellOptimism({
      units: 2,
      fit: () => null,
      score: (_m, units) => responseMetrics(truth, probabilities, units),
      metrics: ResponseMetricKeys,
      replicates: 50,
      seed: 1,
    });
    assert.ok(result.objectiveResponseAuc.replicates < 50 && result.objectiveResponseAuc.replicates > 0);
    assert.equal(result.accuracy.replicates, 50);
    const base = {fit: () => null, score: () => ({a: 1}), metrics: ["a"] as const, seed: 1};
    assert.throws(() => harrellOptimism({...base, units: 0, replicates: 5}), /expected at least 1 unit, got 0/);
    assert.throws(() => harrellOptimism({...base, units: 3, replicates: 0}), /expected a positive integer/);
  });
});
