import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {
  type KaplanMeier,
  kaplanMeier,
  kaplanMeierAt,
  medianSurvival,
  survivalQuantile,
} from "../../../../src/components/stats/survival/kaplanMeier.js";
import type {SurvivalTimes} from "../../../../src/components/stats/survival/survivalData.js";
import {endpoints, HCC_SKIP, hccEndpoints, near, nearAll, readHccSheet, survivalGolden} from "./survivalGolden.js";

const d = survivalGolden.datasets;

// biome-ignore lint/suspicious/noExplicitAny: R's results, untyped JSON.
function checkCurve(fit: KaplanMeier, r: any, what: string): void {
  nearAll(fit.time, r.time, `${what} time`);
  nearAll(fit.nRisk, r["n.risk"], `${what} n.risk`);
  nearAll(fit.nEvent, r["n.event"], `${what} n.event`);
  nearAll(fit.nCensor, r["n.censor"], `${what} n.censor`);
  nearAll(fit.surv, r.surv, `${what} surv`);
  nearAll(fit.stdErr, r["std.err"].value, `${what} std.err`);
  nearAll(fit.stdErrLog, r["std.err.log"].value, `${what} fit$std.err`);
  nearAll(fit.lower, r.lower, `${what} lower`);
  nearAll(fit.upper, r.upper, `${what} upper`);
}

// biome-ignore lint/suspicious/noExplicitAny: R's results, untyped JSON.
function checkQuantiles(fit: KaplanMeier, r: any, what: string): void {
  r.quantile.probs.forEach((p: number, i: number) => {
    const q = survivalQuantile(fit, p);
    near(q.estimate, r.quantile.quantile[i], `${what} quantile(${p})`);
    near(q.lower, r.quantile.lower[i], `${what} quantile(${p}) lower`);
    near(q.upper, r.quantile.upper[i], `${what} quantile(${p}) upper`);
  });
  const m = medianSurvival(fit, {rule: "print"});
  near(m.estimate, r.print.median, `${what} print median`);
  near(m.lower, r.print.lower, `${what} print 0.95LCL`);
  near(m.upper, r.print.upper, `${what} print 0.95UCL`);
  assert.deepEqual(medianSurvival(fit), survivalQuantile(fit, 0.5));
}

// biome-ignore lint/suspicious/noExplicitAny: R's results, untyped JSON.
function checkAt(fit: KaplanMeier, r: any, what: string): void {
  const at = kaplanMeierAt(fit, r.times, {extend: r.extend === 1});
  nearAll(at.time, r.time, `${what} time`);
  nearAll(at.nRisk, r["n.risk"], `${what} n.risk`);
  nearAll(at.nEvent, r["n.event"], `${what} n.event`);
  nearAll(at.nCensor, r["n.censor"], `${what} n.censor`);
  nearAll(at.surv, r.surv, `${what} surv`);
  nearAll(at.stdErr, r["std.err"], `${what} std.err`);
  nearAll(at.lower, r.lower, `${what} lower`);
  nearAll(at.upper, r.upper, `${what} upper`);
}

describe("kaplanMeier (golden: survfit, quantile.survfit, summary.survfit)", () => {
  for (const e of endpoints) {
    it(`${e.name}: every step (n.risk … upper), the 90% band, quantiles with CIs, summary(times =) match R`, () => {
      const fit = kaplanMeier(e.data);
      checkCurve(fit, e.r.km, e.name);
      const fit90 = kaplanMeier(e.data, {ciLevel: 0.9});
      nearAll(fit90.lower, e.r.km90.lower, `${e.name} 90% lower`);
      nearAll(fit90.upper, e.r.km90.upper, `${e.name} 90% upper`);
      checkQuantiles(fit, e.r.quantiles, e.name);
      checkAt(fit, e.r.at, `${e.name} summary(times)`);
    });
  }
  it("lung: summary(times, extend = TRUE) past the last time has n.risk 0 and the last S", () => {
    checkAt(kaplanMeier({time: d.lung.time, event: d.lung.event}), d.lung.atExtend, "lung extend");
  });
  it("aml, Maintained arm alone: curve and quantiles", () => {
    const keep = (v: number[]) => v.filter((_, i) => d.aml.x[i] === 1);
    const fit = kaplanMeier({time: keep(d.aml.time), event: keep(d.aml.event)});
    checkCurve(fit, d.aml.maintained.km, "aml Maintained");
    checkQuantiles(fit, d.aml.maintained.quantiles, "aml Maintained");
  });
  it("a flat stretch at exactly S = 0.5 gives the midpoint (both R rules); one that lasts to the end differs", () => {
    for (const name of ["flatHalf", "flatEnd"]) {
      const g = d[name];
      const fit = kaplanMeier({time: g.time, event: g.event});
      checkCurve(fit, g.km, name);
      checkQuantiles(fit, g.quantiles, name);
    }
    const end = kaplanMeier({time: d.flatEnd.time, event: d.flatEnd.event});
    assert.equal(medianSurvival(end).estimate, 3); // quantile(): midpoint of 2 and the last time 4
    assert.equal(medianSurvival(end, {rule: "print"}).estimate, 2); // print(): where 0.5 was reached
    assert.equal(medianSurvival(kaplanMeier({time: d.flatHalf.time, event: d.flatHalf.event})).estimate, 5);
  });
  it("real HCC-TACE-Seg sheet: TTP and OS curves (all rows and scored rows) and medians", (t) => {
    const sheet = readHccSheet();
    const scored = hccEndpoints();
    if (!sheet || !scored) {
      t.skip(HCC_SKIP);
      return;
    }
    for (const [k, all] of [
      ["ttp", sheet.ttp.all],
      ["os", sheet.os.all],
    ] as const) {
      const r = d.hcc[k].all;
      assert.equal(all.time.length, r.n);
      const fit = kaplanMeier(all);
      checkCurve(fit, r.km, `hcc ${k} all`);
      checkQuantiles(fit, r.quantiles, `hcc ${k} all`);
    }
    for (const e of scored) {
      const fit = kaplanMeier(e.data);
      checkCurve(fit, e.r.km, e.name);
      checkQuantiles(fit, e.r.quantiles, e.name);
      checkAt(fit, e.r.at, `${e.name} summary(times)`);
    }
  });
});

const survivalArb = fc
  .array(fc.tuple(fc.integer({min: 0, max: 30}), fc.integer({min: 0, max: 1})), {minLength: 1, maxLength: 60})
  .map((rows): SurvivalTimes => ({time: rows.map((r) => r[0]), event: rows.map((r) => r[1])}));

describe("kaplanMeier properties and edges", () => {
  it("S is non-increasing in [0, 1], the band contains S, n.risk falls by events + censorings (property)", () => {
    fc.assert(
      fc.property(survivalArb, (data) => {
        const fit = kaplanMeier(data);
        let prev = 1;
        let risk = data.time.length;
        fit.surv.forEach((s, i) => {
          assert.ok(s >= 0 && s <= prev + 1e-15, `S[${i}] = ${s} after ${prev}`);
          prev = s;
          assert.equal(fit.nRisk[i], risk);
          risk -= (fit.nEvent[i] as number) + (fit.nCensor[i] as number);
          const lo = fit.lower[i] as number;
          const hi = fit.upper[i] as number;
          if (!Number.isNaN(lo)) assert.ok(lo <= s + 1e-15 && s <= hi + 1e-15 && hi <= 1);
        });
        assert.equal(risk, 0);
        const m = medianSurvival(fit).estimate;
        if (m !== null) assert.ok(m >= 0 && m <= (fit.time[fit.time.length - 1] as number));
      }),
      {seed: 21, numRuns: 200},
    );
  });
  it("without censoring S is the empirical survival function and the median that of the times", () => {
    const fit = kaplanMeier({time: [5, 1, 3, 3, 8], event: [1, 1, 1, 1, 1]});
    assert.deepEqual(fit.time, [1, 3, 5, 8]);
    nearAll(fit.surv, [0.8, 0.4, 0.2, 0], "surv");
    assert.equal(medianSurvival(fit).estimate, 3);
    assert.ok(Number.isNaN(fit.lower[3] as number) && fit.stdErrLog[3] === Infinity);
  });
  it("the median is null when S never reaches 0.5, and so is an upper limit whose band does not", () => {
    const fit = kaplanMeier({time: [1, 2, 3, 4, 5, 6], event: [1, 0, 0, 1, 0, 0]});
    assert.equal(medianSurvival(fit).estimate, null);
    assert.equal(medianSurvival(fit).upper, null);
  });
  it("bad input names the entry", () => {
    assert.throws(() => kaplanMeier({time: [1, -2], event: [1, 0]}), /time\[1\]/);
    assert.throws(() => kaplanMeier({time: [1, Number.NaN], event: [1, 0]}), /time\[1\]/);
    assert.throws(() => kaplanMeier({time: [1, 2], event: [1, 2]}), /event\[1\]/);
    assert.throws(() => kaplanMeier({time: [1, 2], event: [1]}), /same length/);
    assert.throws(() => kaplanMeier({time: [1], event: [1]}, {ciLevel: 1}), /ciLevel/);
    assert.throws(() => survivalQuantile(kaplanMeier({time: [1], event: [1]}), 1.5), /p in/);
  });
});
