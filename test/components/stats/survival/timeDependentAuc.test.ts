import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {aucSplit} from "../../../../src/components/stats/auc.js";
import {timeDependentAuc} from "../../../../src/components/stats/survival/timeDependentAuc.js";
import {endpoints, type GoldenEndpoint, HCC_SKIP, hccEndpoints, near, survivalGolden} from "./survivalGolden.js";

const d = survivalGolden.datasets;

// biome-ignore lint/suspicious/noExplicitAny: R's results, untyped JSON.
function check(e: GoldenEndpoint, x: number[], r: any, direction: "higher" | "lower", what: string): void {
  const a = timeDependentAuc(e.data, x, r.t, {direction});
  near(a.auc, r.auc, `${what} AUC(${r.t})`);
  assert.equal(a.cases, r.cases, `${what} cases`);
  assert.equal(a.controls, r.controls, `${what} controls`);
  near(a.censoringSurvival, r.G, `${what} G(${r.t})`);
}

function checkEndpoint(e: GoldenEndpoint): void {
  for (const r of e.r.tdAuc) check(e, e.x, r, "higher", e.name);
  // The golden computed AUC of −x with direction "higher"; that is x with direction "lower".
  for (const r of e.r.tdAucLower) check(e, e.x, r, "lower", `${e.name} lower`);
}

describe("timeDependentAuc (golden: plain R from the IPCW definition; timeROC is not packaged)", () => {
  for (const e of endpoints) it(`${e.name}: AUC(t), cases, controls and G(t) match`, () => checkEndpoint(e));
  it("lung ~ sex at 365 days", () => {
    const e = {name: "lung sex", data: {time: d.lung.time, event: d.lung.event}, x: d.lung.sex, group: [], r: null};
    check(e, d.lung.sex, d.lung.bySex.tdAuc[0], "higher", "lung sex");
  });
  it("real HCC-TACE-Seg sheet: TTP and OS, the response score read as lower = riskier", (t) => {
    const hcc = hccEndpoints();
    if (!hcc) {
      t.skip(HCC_SKIP);
      return;
    }
    for (const e of hcc) checkEndpoint(e);
  });
});

describe("timeDependentAuc properties and edges", () => {
  const arb = fc.array(
    fc.tuple(fc.integer({min: 1, max: 20}), fc.integer({min: 0, max: 1}), fc.integer({min: 0, max: 5})),
    {minLength: 2, maxLength: 50},
  );
  it('AUC in [0, 1]; "lower" is 1 − "higher" (property)', () => {
    fc.assert(
      fc.property(arb, fc.integer({min: 1, max: 20}), (rows, t) => {
        const data = {time: rows.map((r) => r[0]), event: rows.map((r) => r[1])};
        const x = rows.map((r) => r[2]);
        const hi = timeDependentAuc(data, x, t);
        const lo = timeDependentAuc(data, x, t, {direction: "lower"});
        if (hi.auc === null) {
          assert.equal(lo.auc, null);
          return;
        }
        assert.ok(hi.auc >= 0 && hi.auc <= 1);
        assert.ok(Math.abs(hi.auc + (lo.auc as number) - 1) < 1e-12);
      }),
      {seed: 17, numRuns: 300},
    );
  });
  it("with no censoring up to t it is the plain AUC of cases (T ≤ t) against controls (T > t)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({min: 1, max: 20}), fc.integer({min: 0, max: 5})), {minLength: 2, maxLength: 40}),
        fc.integer({min: 1, max: 19}),
        (rows, t) => {
          // every time ≤ t is an event; later ones may be censored (that does not touch G before t)
          const data = {time: rows.map((r) => r[0]), event: rows.map((r) => (r[0] <= t ? 1 : r[1] % 2))};
          const x = rows.map((r) => r[1]);
          const a = timeDependentAuc(data, x, t);
          const cases = Float64Array.from(rows.filter((r) => r[0] <= t).map((r) => r[1]));
          const controls = Float64Array.from(rows.filter((r) => r[0] > t).map((r) => r[1]));
          const plain = aucSplit(cases, controls);
          if (plain === null) assert.equal(a.auc, null);
          else assert.ok(Math.abs((a.auc as number) - plain) < 1e-12);
        },
      ),
      {seed: 18, numRuns: 200},
    );
  });
  it("a case censored-weighted by hand: one early censoring raises the weight of the later cases", () => {
    // times 1 (censored), 2 (event, x = 1), 3 (event, x = 0), 5, 6 (controls, x = 0.5): G(1) = 4/5.
    const a = timeDependentAuc({time: [1, 2, 3, 5, 6], event: [0, 1, 1, 0, 1]}, [9, 1, 0, 0.5, 0.5], 4);
    assert.equal(a.cases, 2);
    assert.equal(a.controls, 2);
    assert.ok(Math.abs((a.auc as number) - 0.5) < 1e-15); // both cases weigh 5/4: (1 + 0)/2
    assert.ok(Math.abs(a.censoringSurvival - 0.8) < 1e-15);
  });
  it("no case or no control → null; bad input refused", () => {
    assert.equal(timeDependentAuc({time: [5, 6], event: [1, 1]}, [1, 2], 1).auc, null);
    assert.equal(timeDependentAuc({time: [5, 6], event: [1, 1]}, [1, 2], 10).auc, null);
    assert.throws(() => timeDependentAuc({time: [1, 2], event: [1, 0]}, [1, Number.NaN], 1), /marker\[1\]/);
    assert.throws(() => timeDependentAuc({time: [1, 2], event: [1, 0]}, [1, 2], Number.NaN), /finite/);
    assert.throws(
      () => timeDependentAuc({time: [1, 2], event: [1, 0]}, [1, 2], 1, {direction: "up" as "higher"}),
      /direction/,
    );
  });
});
