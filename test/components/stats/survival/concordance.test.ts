import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {type Concordance, concordance} from "../../../../src/components/stats/survival/concordance.js";
import type {SurvivalTimes} from "../../../../src/components/stats/survival/survivalData.js";
import {endpoints, type GoldenEndpoint, HCC_SKIP, hccEndpoints, near, survivalGolden} from "./survivalGolden.js";

const d = survivalGolden.datasets;

// biome-ignore lint/suspicious/noExplicitAny: R's results, untyped JSON.
function check(c: Concordance | null, r: any, what: string): void {
  assert.ok(c, `${what}: no comparable pair`);
  near(c.concordance, r.concordance, `${what} C`);
  near(c.stdErr, r["std.err"], `${what} std.err`);
  near(c.counts.concordant, r.concordant, `${what} concordant`);
  near(c.counts.discordant, r.discordant, `${what} discordant`);
  near(c.counts.tiedX, r["tied.x"], `${what} tied.x`);
  near(c.counts.tiedY, r["tied.y"], `${what} tied.y`);
  near(c.counts.tiedXY, r["tied.xy"], `${what} tied.xy`);
}

function checkEndpoint(e: GoldenEndpoint): void {
  check(concordance(e.data, e.x), e.r.harrell, `${e.name} Harrell`);
  check(concordance(e.data, e.x, {timewt: "n/G2"}), e.r.uno, `${e.name} Uno`);
  check(concordance(e.data, e.x, {reverse: true}), e.r.harrellReverse, `${e.name} Harrell reverse`);
}

describe("concordance (golden: concordance(), Harrell and Uno, infinitesimal-jackknife std.err)", () => {
  for (const e of endpoints) {
    it(`${e.name}: C, std.err and pair counts, timewt "n" and "n/G2", and reverse = TRUE match R`, () => {
      checkEndpoint(e);
    });
  }
  it("lung ~ sex: heavy ties in x", () => {
    const data = {time: d.lung.time, event: d.lung.event};
    check(concordance(data, d.lung.sex), d.lung.bySex.harrell, "lung sex Harrell");
    check(concordance(data, d.lung.sex, {timewt: "n/G2"}), d.lung.bySex.uno, "lung sex Uno");
  });
  it("lung ~ age, Uno's C truncated at ymax = 365 days", () => {
    const data = {time: d.lung.time, event: d.lung.event};
    check(concordance(data, d.lung.age, {timewt: "n/G2", ymax: 365}), d.lung.unoAgeYmax, "lung age Uno ymax");
  });
  it("real HCC-TACE-Seg sheet: TTP and OS vs response score", (t) => {
    const hcc = hccEndpoints();
    if (!hcc) {
      t.skip(HCC_SKIP);
      return;
    }
    for (const e of hcc) checkEndpoint(e);
  });
});

/** Harrell's C by the definition, over all pairs, O(n²): the reference for the Fenwick-tree sweep. */
function bruteHarrell(data: SurvivalTimes, x: number[]): number | null {
  let num = 0;
  let den = 0;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    if (data.event[i] !== 1) continue;
    for (let j = 0; j < n; j++) {
      const ti = data.time[i] as number;
      const tj = data.time[j] as number;
      if (!(tj > ti || (tj === ti && data.event[j] === 0))) continue;
      den++;
      const xi = x[i] as number;
      const xj = x[j] as number;
      num += xj > xi ? 1 : xj === xi ? 0.5 : 0;
    }
  }
  return den > 0 ? num / den : null;
}

describe("concordance properties and edges", () => {
  const rowsArb = fc.array(
    fc.tuple(fc.integer({min: 1, max: 12}), fc.integer({min: 0, max: 1}), fc.integer({min: 0, max: 4})),
    {minLength: 2, maxLength: 40},
  );
  it("equals the all-pairs definition; reverse = 1 − C with the same std.err (property)", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const data = {time: rows.map((r) => r[0]), event: rows.map((r) => r[1])};
        const x = rows.map((r) => r[2]);
        const c = concordance(data, x);
        const ref = bruteHarrell(data, x);
        if (ref === null) {
          assert.equal(c, null);
          return;
        }
        assert.ok(c && Math.abs(c.concordance - ref) < 1e-12, `${c?.concordance} vs ${ref}`);
        const r = concordance(data, x, {reverse: true});
        assert.ok(r && Math.abs(r.concordance - (1 - c.concordance)) < 1e-12 && r.stdErr === c.stdErr);
      }),
      {seed: 11, numRuns: 300},
    );
  });
  it("C of −x is 1 − C of x when x has no ties, for Harrell and Uno (property)", () => {
    const arb = fc
      .array(fc.tuple(fc.integer({min: 1, max: 12}), fc.integer({min: 0, max: 1})), {minLength: 3, maxLength: 40})
      .chain((rows) =>
        fc
          .uniqueArray(fc.integer({min: -1000, max: 1000}), {minLength: rows.length, maxLength: rows.length})
          .map((x) => ({rows, x})),
      );
    fc.assert(
      fc.property(arb, ({rows, x}) => {
        const data = {time: rows.map((r) => r[0]), event: rows.map((r) => r[1])};
        for (const timewt of ["n", "n/G2"] as const) {
          const c = concordance(data, x, {timewt});
          const m = concordance(
            data,
            x.map((v) => -v),
            {timewt},
          );
          if (!c || !m) return;
          assert.ok(Math.abs(c.concordance + m.concordance - 1) < 1e-12);
          assert.ok(Math.abs(c.stdErr - m.stdErr) < 1e-12);
        }
      }),
      {seed: 12, numRuns: 200},
    );
  });
  it("without censoring, Uno's C is Harrell's; ymax drops the later events", () => {
    const data = {time: [1, 2, 3, 4, 5, 6], event: [1, 1, 1, 1, 1, 1]};
    const x = [1, 3, 2, 5, 4, 6];
    const h = concordance(data, x);
    const u = concordance(data, x, {timewt: "n/G2"});
    assert.ok(h && u && Math.abs(h.concordance - u.concordance) < 1e-15);
    const cut = concordance(data, x, {ymax: 2});
    assert.ok(cut);
    assert.equal(cut.counts.concordant + cut.counts.discordant, 5 + 4);
  });
  it("no event → null; bad input names the entry", () => {
    assert.equal(concordance({time: [1, 2], event: [0, 0]}, [1, 2]), null);
    assert.throws(() => concordance({time: [1, 2], event: [1, 0]}, [1, Number.NaN]), /x\[1\]/);
    assert.throws(() => concordance({time: [1, 2], event: [1, 0]}, [1]), /same length/);
  });
});
