import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {coxPh} from "../../../../src/components/stats/survival/coxPh.js";
import {type CoxZph, coxZph} from "../../../../src/components/stats/survival/coxZph.js";
import type {SurvivalTimes} from "../../../../src/components/stats/survival/survivalData.js";
import {endpoints, HCC_SKIP, hccEndpoints, near, nearAll, nearP, survivalGolden} from "./survivalGolden.js";

const d = survivalGolden.datasets;

// biome-ignore lint/suspicious/noExplicitAny: R's results, untyped JSON.
function check(z: CoxZph, r: any, what: string): void {
  assert.equal(z.transform, r.transform);
  near(z.chisq, r.chisq, `${what} chisq`);
  assert.equal(z.df, r.df);
  nearP(z.p, r.p, `${what} p`);
  nearAll(z.time, r.time, `${what} time`);
  nearAll(z.x, r.x, `${what} x (g(time))`);
  nearAll(z.y, r.y, `${what} y (scaled Schoenfeld residuals)`);
}

function checkAll(
  data: SurvivalTimes,
  x: number[],
  r: {zph: unknown; zphIdentity: unknown; zphRank: unknown},
  what: string,
) {
  const fit = coxPh(data, x);
  check(coxZph(data, x, fit), r.zph, `${what} km`);
  check(coxZph(data, x, fit, "identity"), r.zphIdentity, `${what} identity`);
  check(coxZph(data, x, fit, "rank"), r.zphRank, `${what} rank`);
}

describe("coxZph (golden: cox.zph, survival ≥ 3 score test)", () => {
  for (const e of endpoints) {
    it(`${e.name}: chisq, p, g(t) and scaled Schoenfeld residuals (transforms km, identity, rank) match R`, () => {
      checkAll(e.data, e.x, e.r, e.name);
    });
  }
  it("lung ~ sex; the default fit is coxPh(data, x)", () => {
    const data = {time: d.lung.time, event: d.lung.event};
    check(coxZph(data, d.lung.sex), d.lung.bySex.zph, "lung sex");
  });
  it("real HCC-TACE-Seg sheet: TTP and OS ~ response score", (t) => {
    const hcc = hccEndpoints();
    if (!hcc) {
      t.skip(HCC_SKIP);
      return;
    }
    for (const e of hcc) checkAll(e.data, e.x, e.r, e.name);
  });
});

describe("coxZph properties and edges", () => {
  it("chisq ≥ 0, one residual per event in time order, and invariant to the sign of x (property)", () => {
    const arb = fc
      .array(fc.tuple(fc.integer({min: 1, max: 15}), fc.integer({min: 0, max: 1}), fc.integer({min: 0, max: 3})), {
        minLength: 8,
        maxLength: 50,
      })
      .filter((rows) => rows.filter((r) => r[1] === 1).length >= 3 && new Set(rows.map((r) => r[2])).size > 1);
    fc.assert(
      fc.property(arb, (rows) => {
        const data = {time: rows.map((r) => r[0]), event: rows.map((r) => r[1])};
        const x = rows.map((r) => r[2]);
        const fit = coxPh(data, x);
        if (!fit.converged || Math.abs(fit.coef) > 5) return;
        const z = coxZph(data, x, fit);
        if (!Number.isFinite(z.chisq)) return; // g(t) constant over the events: no test
        assert.ok(z.chisq >= -1e-9);
        assert.equal(z.y.length, fit.events);
        for (let i = 1; i < z.time.length; i++) assert.ok((z.time[i] as number) >= (z.time[i - 1] as number));
        const neg = coxZph(
          data,
          x.map((v) => -v),
        );
        assert.ok(Math.abs(neg.chisq - z.chisq) <= 1e-6 * Math.max(1, z.chisq));
      }),
      {seed: 3, numRuns: 120},
    );
  });
  it('transform "log" refuses a zero time', () => {
    assert.throws(() => coxZph({time: [0, 1, 2], event: [1, 1, 0]}, [0, 1, 0], {coef: 0}, "log"), /log/);
  });
});
