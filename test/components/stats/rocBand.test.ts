import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {createRng} from "../../../src/components/stats/random.js";
import {rocBand} from "../../../src/components/stats/rocBand.js";
import {rocCurve} from "../../../src/components/stats/rocCurve.js";

function sample(n: number, seed: number): {y: number[]; s: number[]; clusters: string[]} {
  const rng = createRng(seed);
  const y: number[] = [];
  const s: number[] = [];
  const clusters: string[] = [];
  for (let i = 0; i < n; i++) {
    const patient = Math.floor(i / 3);
    const label = patient % 3 === 0 ? 1 : 0;
    y.push(label);
    s.push(label + rng.normal());
    clusters.push(`p${patient}`);
  }
  return {y, s, clusters};
}

/** Highest sensitivity with specificity ≥ t on the full-sample curve (the quantity the band brackets). */
const empirical = (y: number[], s: number[], t: number) =>
  Math.max(
    ...rocCurve(y, s)
      .filter((p) => p.specificity >= t - 1e-12)
      .map((p) => p.sensitivity),
  );

describe("rocBand(outcome, score, options)", () => {
  const {y, s, clusters} = sample(90, 5);

  it("brackets the empirical sensitivity at each specificity, lower ≤ upper, both non-increasing", () => {
    const band = rocBand(y, s, {replicates: 400, seed: 1});
    assert.equal(band.length, 51);
    assert.deepEqual([band[0]?.specificity, band[50]?.specificity], [0, 1]);
    band.forEach((b, k) => {
      assert.ok(b.lower <= b.upper);
      if (k > 0) {
        assert.ok(b.lower <= (band[k - 1]?.lower as number) + 1e-12);
        assert.ok(b.upper <= (band[k - 1]?.upper as number) + 1e-12);
      }
      const e = empirical(y, s, b.specificity);
      assert.ok(
        b.lower - 0.05 <= e && e <= b.upper + 0.05,
        `specificity ${b.specificity}: ${e} vs [${b.lower}, ${b.upper}]`,
      );
    });
    assert.deepEqual([band[0]?.lower, band[0]?.upper], [1, 1]);
  });

  it("is replayable from its seed and changes with it", () => {
    const a = rocBand(y, s, {replicates: 100, seed: 9});
    assert.deepEqual(rocBand(y, s, {replicates: 100, seed: 9}), a);
    assert.notDeepEqual(rocBand(y, s, {replicates: 100, seed: 10}), a);
  });

  it("the patient-cluster band is at least as wide on average as the item band for correlated patches", () => {
    const width = (b: ReturnType<typeof rocBand>) => b.reduce((acc, p) => acc + p.upper - p.lower, 0);
    const correlated = sample(90, 5);
    // make the three patches of a patient nearly identical
    const s2 = correlated.s.map((_, i) => correlated.s[i - (i % 3)] as number);
    const item = rocBand(correlated.y, s2, {replicates: 300, seed: 2});
    const cluster = rocBand(correlated.y, s2, {replicates: 300, seed: 2, clusters});
    assert.ok(width(cluster) > width(item));
  });

  it("returns [] for a single class or zero replicates; NaN throws naming the index", () => {
    assert.deepEqual(rocBand([1, 1], [0.2, 0.3], {replicates: 10, seed: 1}), []);
    assert.deepEqual(rocBand(y, s, {replicates: 0, seed: 1}), []);
    assert.throws(() => rocBand([0, 1], [0.1, Number.NaN], {replicates: 10, seed: 1}), /\[1\]/);
  });

  it("does not mutate its inputs and respects a custom specificity grid (sorted)", () => {
    const yc = [...y];
    const sc = [...s];
    const band = rocBand(y, s, {replicates: 20, seed: 1, specificities: [0.9, 0.1, 0.5]});
    assert.deepEqual(
      band.map((b) => b.specificity),
      [0.1, 0.5, 0.9],
    );
    assert.deepEqual([y, s], [yc, sc]);
  });

  it("property: every bound lies in [0, 1] and lower ≤ upper", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.double({min: -5, max: 5, noNaN: true})), {minLength: 2, maxLength: 40}),
        fc.integer({min: 1, max: 1000}),
        (pairs, seed) => {
          const band = rocBand(
            pairs.map((p) => (p[0] ? 1 : 0)),
            pairs.map((p) => p[1]),
            {replicates: 20, seed, specificities: [0, 0.5, 1]},
          );
          return band.every((b) => b.lower >= 0 && b.upper <= 1 && b.lower <= b.upper);
        },
      ),
      {seed: 42, numRuns: 100},
    );
  });
});
