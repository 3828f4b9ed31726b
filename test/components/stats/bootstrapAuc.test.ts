import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {bootstrapAucCiBefore, clusterBootstrapAucCiBefore} from "../../../bench/bootstrapAucBefore.js";
import {bootstrapAucCi, clusterBootstrapAucCi} from "../../../src/components/stats/bootstrapAuc.js";
import {createRng} from "../../../src/components/stats/random.js";
import {datasetNames, golden} from "./golden.js";

describe("bootstrapAucCi(outcome, score, {replicates, seed, ciLevel})", () => {
  // Both sides are Monte-Carlo estimates from different generators. With n ≥ 100 the 2.5%/97.5% percentiles of 2000
  // replicates vary by sd ≈ 0.0014 between seeds, so ±0.01 is tight and safe. With n ≈ 25 they vary by sd ≈ 0.008
  // (measured over 30 seeds; our 30-seed mean is within 0.002 of pROC's lower and 0.007 of its upper bound), so the
  // difference of two independent runs has sd ≈ 0.011 and the tolerance there is ±0.025 (about 2.2 sd).
  for (const name of datasetNames) {
    const d = golden.datasets[name];
    const tolerance = d.outcome.length >= 100 || d.auc.value === 1 ? 0.01 : 0.025;
    it(`agrees with pROC ci.auc(method = "bootstrap", boot.n = 2000, stratified) on ${name} within ±${tolerance} (golden)`, () => {
      const r = bootstrapAucCi(d.outcome, d.score, {replicates: 2000, seed: 1});
      assert.ok(r);
      assert.ok(
        Math.abs(r.ci[0] - d.ciBootstrap.value[0]) <= tolerance,
        `lower ${r.ci[0]} vs ${d.ciBootstrap.value[0]}`,
      );
      assert.ok(
        Math.abs(r.ci[1] - d.ciBootstrap.value[1]) <= tolerance,
        `upper ${r.ci[1]} vs ${d.ciBootstrap.value[1]}`,
      );
      assert.equal(r.replicates, 2000);
      assert.equal(r.dropped, 0);
    });
  }
  it("is reproducible for a seed and changes with the seed", () => {
    const d = golden.datasets.largeTies;
    const a = bootstrapAucCi(d.outcome, d.score, {replicates: 200, seed: 9});
    const b = bootstrapAucCi(d.outcome, d.score, {replicates: 200, seed: 9});
    const c = bootstrapAucCi(d.outcome, d.score, {replicates: 200, seed: 10});
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });
  it("returns null for a single class or empty input; throws on NaN and bad replicates", () => {
    assert.equal(bootstrapAucCi([], []), null);
    assert.equal(bootstrapAucCi([1, 1], [1, 2]), null);
    assert.throws(() => bootstrapAucCi([1, 0], [Number.NaN, 1]), /score\[0\]/);
    assert.throws(() => bootstrapAucCi([1, 0], [1, 2], {replicates: 0}), RangeError);
  });
  it("perfect separation gives [1, 1]; all-tied scores give [0.5, 0.5]", () => {
    assert.deepEqual(bootstrapAucCi([0, 0, 1, 1], [1, 2, 3, 4], {replicates: 50})?.ci, [1, 1]);
    assert.deepEqual(bootstrapAucCi([0, 0, 1, 1], [2, 2, 2, 2], {replicates: 50})?.ci, [0.5, 0.5]);
  });
  it("gives the interval it gave before sorting once (#26), bit for bit, on every golden dataset (seed 1)", () => {
    for (const name of datasetNames) {
      const d = golden.datasets[name];
      const now = bootstrapAucCi(d.outcome, d.score, {replicates: 2000, seed: 1});
      assert.deepEqual(now, bootstrapAucCiBefore(d.outcome, d.score, 2000, 1), name);
    }
  });
  it("gives the interval it gave before #26 at n = 3000 with heavy ties, at several seeds and levels", () => {
    const rng = createRng(26);
    const y = Array.from({length: 3000}, () => (rng.next() < 0.3 ? 1 : 0));
    const s = y.map((v) => Math.round(4 * (v + rng.normal())) / 4); // about 30 distinct scores
    for (const [seed, level] of [
      [1, 0.95],
      [7, 0.9],
      [-3, 0.99],
    ] as const) {
      const now = bootstrapAucCi(y, s, {replicates: 500, seed, ciLevel: level});
      assert.deepEqual(now, bootstrapAucCiBefore(y, s, 500, seed, level));
    }
  });
  it("runs 2000 replicates at n = 10,000 in well under a second", () => {
    const rng = createRng(5);
    const y = Array.from({length: 10000}, () => (rng.next() < 0.4 ? 1 : 0));
    const s = y.map((v) => v + rng.normal());
    const t0 = performance.now();
    const r = bootstrapAucCi(y, s, {replicates: 2000, seed: 1});
    const ms = performance.now() - t0;
    assert.ok(r);
    assert.ok(ms < 3000, `took ${ms} ms`);
  });
});

describe("clusterBootstrapAucCi(outcome, score, cluster, options)", () => {
  // 60 patients with 3 patches each; patches of a patient are nearly identical (strong intra-cluster correlation)
  const rng = createRng(11);
  const y: number[] = [];
  const s: number[] = [];
  const patient: string[] = [];
  for (let p = 0; p < 60; p++) {
    const label = p % 3 === 0 ? 1 : 0;
    const base = label * 0.8 + rng.normal();
    for (let k = 0; k < 3; k++) {
      y.push(label);
      s.push(base + 0.05 * rng.normal());
      patient.push(`P${p}`);
    }
  }
  it("is wider than the naive patch bootstrap when patches are correlated", () => {
    const cluster = clusterBootstrapAucCi(y, s, patient, {replicates: 1000, seed: 2});
    const naive = bootstrapAucCi(y, s, {replicates: 1000, seed: 2});
    assert.ok(cluster && naive);
    const wc = cluster.ci[1] - cluster.ci[0];
    const wn = naive.ci[1] - naive.ci[0];
    assert.ok(wc > wn * 1.3, `cluster width ${wc} vs naive ${wn}`);
  });
  it("equals the item bootstrap when every patient has one patch (same seed, same design)", () => {
    const ids = y.map((_, i) => i);
    assert.deepEqual(
      clusterBootstrapAucCi(y, s, ids, {replicates: 300, seed: 4}),
      bootstrapAucCi(y, s, {replicates: 300, seed: 4}),
    );
  });
  it("gives the interval it gave before #26, bit for bit, dropped replicates included", () => {
    assert.deepEqual(
      clusterBootstrapAucCi(y, s, patient, {replicates: 1000, seed: 2}),
      clusterBootstrapAucCiBefore(y, s, patient, 1000, 2),
    );
    // every cluster led by a case, one holding the only control: replicates without it have no control and are dropped
    const mixed: [number[], number[], string[]] = [
      [1, 0, 1, 1, 1, 0, 1],
      [0.3, 0.1, 0.5, 0.2, 0.9, 0.5, 0.4],
      ["A", "A", "B", "C", "D", "D", "E"],
    ];
    const now = clusterBootstrapAucCi(...mixed, {replicates: 1000, seed: 3});
    assert.ok(now && now.dropped > 0, `dropped ${now?.dropped}`);
    assert.deepEqual(now, clusterBootstrapAucCiBefore(...mixed, 1000, 3));
  });
  it("throws when cluster ids and outcomes differ in length", () => {
    assert.throws(() => clusterBootstrapAucCi([1, 0], [1, 2], ["a"]), RangeError);
  });
});
