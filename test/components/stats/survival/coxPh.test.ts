import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {type CoxPh, coxPh} from "../../../../src/components/stats/survival/coxPh.js";
import {logRank} from "../../../../src/components/stats/survival/logRank.js";
import {endpoints, HCC_SKIP, hccEndpoints, near, nearAll, nearP, survivalGolden} from "./survivalGolden.js";

const d = survivalGolden.datasets;

// biome-ignore lint/suspicious/noExplicitAny: R's results, untyped JSON.
function check(f: CoxPh, r: any, what: string): void {
  near(f.coef, r.coef, `${what} coef`);
  near(f.se, r.se, `${what} se`);
  near(f.hr, r.hr, `${what} HR`);
  nearAll(f.ci, r.ci.value, `${what} CI`);
  near(f.wald.z, r.z, `${what} z`);
  nearP(f.wald.p, r.p, `${what} Wald p`);
  near(f.wald.chisq, r.wald.chisq, `${what} Wald chisq`);
  nearP(f.wald.p, r.wald.p, `${what} Wald test p`);
  near(f.lrt.chisq, r.lrt.chisq, `${what} LR chisq`);
  nearP(f.lrt.p, r.lrt.p, `${what} LR p`);
  near(f.score.chisq, r.score.chisq, `${what} score chisq`);
  nearP(f.score.p, r.score.p, `${what} score p`);
  nearAll(f.loglik, r.loglik, `${what} loglik`);
  assert.equal(f.n, r.n);
  assert.equal(f.events, r.nevent);
  assert.equal(f.iterations, r.iter, `${what} iterations`);
  assert.ok(f.converged);
}

describe("coxPh (golden: coxph, Efron ties)", () => {
  for (const e of endpoints) {
    it(`${e.name}: coef, se, HR, CI, Wald, LR and score tests, loglik, iterations match R`, () => {
      check(coxPh(e.data, e.x), e.r.cox, e.name);
    });
  }
  it("lung ~ sex (a two-valued covariate that coxph centres)", () => {
    check(coxPh({time: d.lung.time, event: d.lung.event}, d.lung.sex), d.lung.bySex.cox, "lung sex");
  });
  it("real HCC-TACE-Seg sheet: TTP and OS ~ response score", (t) => {
    const hcc = hccEndpoints();
    if (!hcc) {
      t.skip(HCC_SKIP);
      return;
    }
    for (const e of hcc) check(coxPh(e.data, e.x), e.r.cox, e.name);
  });
});

describe("coxPh properties and edges", () => {
  const arb = fc
    .array(fc.tuple(fc.integer({min: 1, max: 15}), fc.integer({min: 0, max: 1}), fc.integer({min: -3, max: 3})), {
      minLength: 6,
      maxLength: 50,
    })
    .filter((rows) => rows.some((r) => r[1] === 1) && new Set(rows.map((r) => r[2])).size > 1);
  it("x and −x give reciprocal hazard ratios and the same tests; c·x gives coef/c (property)", () => {
    fc.assert(
      fc.property(arb, (rows) => {
        const data = {time: rows.map((r) => r[0]), event: rows.map((r) => r[1])};
        const x = rows.map((r) => r[2]);
        const f = coxPh(data, x);
        if (!f.converged || Math.abs(f.coef) > 5) return; // monotone likelihood: coef drifts to ±∞
        const g = coxPh(
          data,
          x.map((v) => -v),
        );
        assert.ok(Math.abs(f.hr * g.hr - 1) < 1e-6, `${f.hr} · ${g.hr}`);
        assert.ok(Math.abs(f.score.chisq - g.score.chisq) < 1e-8 * Math.max(1, f.score.chisq));
        assert.ok(Math.abs(f.lrt.chisq - g.lrt.chisq) < 1e-6 * Math.max(1, f.lrt.chisq));
        const h = coxPh(
          data,
          x.map((v) => 2.5 * v),
        );
        assert.ok(Math.abs(h.coef * 2.5 - f.coef) < 1e-6 * Math.max(1, Math.abs(f.coef)));
        assert.ok(f.lrt.chisq >= -1e-9 && f.loglik[1] >= f.loglik[0] - 1e-9);
      }),
      {seed: 8, numRuns: 150},
    );
  });
  it("for a 0/1 group without tied times the score test is the log-rank test", () => {
    const data = {time: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], event: [1, 1, 0, 1, 1, 1, 0, 1, 1, 0]};
    const group = [0, 1, 0, 0, 1, 1, 0, 1, 1, 0];
    const f = coxPh(data, group);
    assert.ok(Math.abs(f.score.chisq - logRank(data, group).chisq) < 1e-12);
  });
  it("a 90% interval is narrower; maxIter 0 returns the start; non-convergence is reported", () => {
    const data = {time: d.aml.time, event: d.aml.event};
    const f90 = coxPh(data, d.aml.x, {ciLevel: 0.9});
    const f95 = coxPh(data, d.aml.x);
    assert.ok(f90.ci[0] > f95.ci[0] && f90.ci[1] < f95.ci[1]);
    const f0 = coxPh(data, d.aml.x, {maxIter: 0});
    assert.equal(f0.coef, 0);
    assert.equal(coxPh(data, d.aml.x, {maxIter: 1}).converged, false);
  });
  it("bad input is refused", () => {
    assert.throws(() => coxPh({time: [1, 2], event: [1, 0]}, [1, 1]), /constant/);
    assert.throws(() => coxPh({time: [1, 2], event: [0, 0]}, [1, 2]), /event/);
    assert.throws(() => coxPh({time: [1, 2], event: [1, 0]}, [1, Number.NaN]), /x\[1\]/);
    assert.throws(() => coxPh({time: [1, 2], event: [1, 0]}, [1]), /same length/);
  });
});
