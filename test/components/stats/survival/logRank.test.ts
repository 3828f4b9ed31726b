import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {type LogRank, logRank} from "../../../../src/components/stats/survival/logRank.js";
import {
  endpoints,
  type GoldenEndpoint,
  HCC_SKIP,
  hccEndpoints,
  near,
  nearAll,
  nearP,
  survivalGolden,
} from "./survivalGolden.js";

const d = survivalGolden.datasets;

// biome-ignore lint/suspicious/noExplicitAny: R's results, untyped JSON.
function check(t: LogRank, r: any, what: string): void {
  assert.deepEqual(
    t.groups.map((g) => String(g.group)),
    r.levels,
    `${what} levels`,
  );
  nearAll(
    t.groups.map((g) => g.n),
    r.n,
    `${what} n`,
  );
  nearAll(
    t.groups.map((g) => g.observed),
    r.observed,
    `${what} observed`,
  );
  nearAll(
    t.groups.map((g) => g.expected),
    r.expected,
    `${what} expected`,
  );
  nearAll(t.variance.flat(), (r.var as number[][]).flat(), `${what} var`);
  near(t.chisq, r.chisq, `${what} chisq`);
  assert.equal(t.df, r.df);
  nearP(t.p, r.p, `${what} p`);
}

const checkEndpoint = (e: GoldenEndpoint) => check(logRank(e.data, e.group), e.r.logrank, e.name);

describe("logRank (golden: survdiff)", () => {
  for (const e of endpoints) it(`${e.name}: O, E, var, chisq, df, p match R`, () => checkEndpoint(e));
  it("lung by ph.ecog: 4 groups (one of a single patient), the patient with NA dropped as R does", () => {
    const keep = (d.lung.ecog as Array<number | null>).map((v) => v !== null);
    const pick = <T>(v: T[]) => v.filter((_, i) => keep[i]);
    const t = logRank({time: pick(d.lung.time), event: pick(d.lung.event)}, pick(d.lung.ecog) as number[]);
    check(t, d.lung.byEcog.logrank, "lung ecog");
    assert.equal(t.df, 3);
  });
  it("real HCC-TACE-Seg sheet: TTP and OS by score ≥ 0.5", (t) => {
    const hcc = hccEndpoints();
    if (!hcc) {
      t.skip(HCC_SKIP);
      return;
    }
    for (const e of hcc) checkEndpoint(e);
  });
});

describe("logRank properties and edges", () => {
  const arb = fc.array(
    fc.tuple(fc.integer({min: 1, max: 20}), fc.integer({min: 0, max: 1}), fc.integer({min: 0, max: 2})),
    {minLength: 4, maxLength: 60},
  );
  it("chisq ≥ 0, Σ observed = Σ expected, and relabelling the groups changes nothing (property)", () => {
    fc.assert(
      fc.property(arb, (rows) => {
        const data = {time: rows.map((r) => r[0]), event: rows.map((r) => r[1])};
        const group = rows.map((r) => r[2]);
        let t: LogRank;
        try {
          t = logRank(data, group);
        } catch (e) {
          assert.match(String(e), /singular/);
          return;
        }
        assert.ok(t.chisq >= -1e-12);
        const o = t.groups.reduce((s, g) => s + g.observed, 0);
        const ex = t.groups.reduce((s, g) => s + g.expected, 0);
        assert.ok(Math.abs(o - ex) < 1e-9);
        const names = ["zeta", "alpha", "mid"];
        const relabelled = logRank(
          data,
          group.map((g) => names[g] as string),
        );
        assert.ok(Math.abs(relabelled.chisq - t.chisq) <= 1e-9 * Math.max(1, t.chisq));
        assert.equal(relabelled.df, t.df);
      }),
      {seed: 5, numRuns: 200},
    );
  });
  it("identical groups give chisq 0; no events gives no test", () => {
    const t = logRank({time: [1, 2, 3, 1, 2, 3], event: [1, 0, 1, 1, 0, 1]}, [0, 0, 0, 1, 1, 1]);
    assert.ok(Math.abs(t.chisq) < 1e-12 && (t.p as number) > 0.999999);
    const none = logRank({time: [1, 2], event: [0, 0]}, ["a", "b"]);
    assert.deepEqual([none.chisq, none.df, none.p], [0, -1, null]);
  });
  it("bad input names the entry", () => {
    assert.throws(() => logRank({time: [1, 2], event: [1, 0]}, [1]), /same length/);
    assert.throws(() => logRank({time: [1, 2], event: [1, 0]}, [1, Number.NaN]), /group\[1\]/);
    assert.throws(() => logRank({time: [1, 2], event: [1, 0]}, [1, "a"]), /group\[1\] mixes/);
  });
});
