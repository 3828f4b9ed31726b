import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {calibration} from "../../../src/components/stats/calibration.js";
import {calibrationBootstrap} from "../../../src/components/stats/calibrationBootstrap.js";
import {createRng} from "../../../src/components/stats/random.js";
import {golden} from "./golden.js";

const d = golden.datasets.largeTies;

describe("calibrationBootstrap", () => {
  it("point estimates are calibration()'s; intervals bracket them and are seeded", () => {
    const a = calibrationBootstrap(d.outcome, d.score, {replicates: 300, seed: 5});
    const c = calibration(d.outcome, d.score);
    assert.equal(a.intercept.estimate, c.intercept);
    assert.equal(a.slope.estimate, c.slope);
    for (const part of [a.intercept, a.slope]) {
      const [lo, hi] = part.ci as [number, number];
      assert.ok(lo < (part.estimate as number) && (part.estimate as number) < hi);
      assert.equal(part.replicates + part.failed, 300);
    }
    assert.deepEqual(calibrationBootstrap(d.outcome, d.score, {replicates: 300, seed: 5}), a);
    assert.notDeepEqual(calibrationBootstrap(d.outcome, d.score, {replicates: 300, seed: 6}).slope.ci, a.slope.ci);
  });
  it("on data simulated from a known slope of 0.6 the interval covers 0.6 and excludes 1", () => {
    const rng = createRng(2020);
    const p: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 800; i++) {
      const lp = 2 * rng.normal();
      p.push(1 / (1 + Math.exp(-lp)));
      y.push(rng.next() < 1 / (1 + Math.exp(-0.6 * lp)) ? 1 : 0);
    }
    const [lo, hi] = calibrationBootstrap(y, p, {replicates: 400, seed: 1}).slope.ci as [number, number];
    assert.ok(lo < 0.6 && 0.6 < hi && hi < 1, `${lo} ${hi}`);
  });
  it("clusters move together: two copies of each patient give a wider interval than treating them as independent", () => {
    const y = [...d.outcome, ...d.outcome];
    const p = [...d.score, ...d.score];
    const ids = [...d.outcome.keys(), ...d.outcome.keys()];
    const width = (r: ReturnType<typeof calibrationBootstrap>) =>
      (r.slope.ci as number[])[1]! - (r.slope.ci as number[])[0]!;
    assert.ok(
      width(calibrationBootstrap(y, p, {replicates: 300, clusters: ids})) >
        width(calibrationBootstrap(y, p, {replicates: 300})),
    );
  });
  it("replicates without a fit are counted, not imputed; bad input is refused by index", () => {
    const r = calibrationBootstrap([1, 0, 0], [0.8, 0.3, 0.2], {replicates: 200});
    assert.ok(r.slope.failed > 0);
    assert.throws(() => calibrationBootstrap([1, 0], [0.5, 2]), /probability\[1\]/);
    assert.throws(() => calibrationBootstrap([1, 0], [0.5, 0.2], {clusters: [1]}), /same length/);
  });
});
