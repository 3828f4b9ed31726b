import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {randomEffects} from "../../../src/components/stats/randomEffects.js";
import {hksjInterval, predictionInterval} from "../../../src/components/stats/randomEffectsIntervals.js";
import {studentTQuantile} from "../../../src/components/stats/studentT.js";
import {assertClose} from "./golden.js";
import {meta} from "./metaGolden.js";

// Every dataset of test/golden/meta.json at every level it was computed at (95% and 90%).
// biome-ignore lint/suspicious/noExplicitAny: golden JSON from R, indexed freely.
const cases = Object.entries(meta.meta as Record<string, any>).flatMap(([name, d]) =>
  // biome-ignore lint/suspicious/noExplicitAny: golden JSON from R, indexed freely.
  (d.levels as any[]).map((l) => ({name, d, l})),
);

describe('hksjInterval (golden: metafor::rma(test = "knha"))', () => {
  for (const {name, d, l} of cases) {
    it(`${name} (k = ${d.k}), level ${l.level}: se, factor, CI, t, p, df to 1e-9`, () => {
      const re = randomEffects(d.yi, d.vi, {ciLevel: l.level});
      const h = hksjInterval(d.yi, d.vi, re.tau2, re.estimate, l.level);
      assert.ok(h);
      assertClose(h.se, l.knha.se, 1e-9, 1e-12, "se");
      assertClose(h.factor, l.knha.s2w, 1e-9, 1e-12, "s2w");
      assertClose(h.ci[0], l.knha.ciLower, 1e-9, 1e-12, "ci lower");
      assertClose(h.ci[1], l.knha.ciUpper, 1e-9, 1e-12, "ci upper");
      assert.equal(h.df, l.knha.df);
      if (l.knha.t === "Infinity") assert.equal(h.t, Number.POSITIVE_INFINITY);
      else assertClose(h.t, l.knha.t, 1e-9, 0, "t");
      assertClose(h.p, l.knha.p, 1e-8, 1e-15, "p");
    });
  }
  it("every estimate equal: metafor's factor 0 (RSS ≤ machine epsilon), a point interval", () => {
    const d = meta.meta.identical;
    const re = randomEffects(d.yi, d.vi);
    const h = hksjInterval(d.yi, d.vi, re.tau2, re.estimate);
    assert.equal(h?.factor, 0);
    assert.deepEqual(h?.ci, [re.estimate, re.estimate]);
  });
  it("the factor is not truncated at 1: with τ² = 0 and little spread the HKSJ CI is narrower than the Wald CI", () => {
    const d = meta.meta.homogeneous;
    const re = randomEffects(d.yi, d.vi);
    const h = hksjInterval(d.yi, d.vi, re.tau2, re.estimate);
    assert.ok(h && h.factor < 1 && h.ci[1] - h.ci[0] < re.ci[1] - re.ci[0]);
  });
  it("one estimate has no df: null", () => {
    assert.equal(hksjInterval([0.3], [0.04], 0, 0.3), null);
  });
});

describe('predictionInterval (golden: metafor predict(pi.type = "riley"))', () => {
  for (const {name, d, l} of cases) {
    it(`${name} (k = ${d.k}), level ${l.level}: Riley et al.'s t(k − 2) interval, with the Wald and the HKSJ se`, () => {
      const re = randomEffects(d.yi, d.vi, {ciLevel: l.level});
      const riley = predictionInterval(re.estimate, re.se, re.tau2, re.k, l.level);
      assert.ok(riley);
      assert.equal(riley.df, d.k - 2);
      assert.equal(riley.df, l.predictRiley.df);
      assertClose(riley.interval[0], l.predictRiley.piLower, 1e-9, 1e-12, "lower");
      assertClose(riley.interval[1], l.predictRiley.piUpper, 1e-9, 1e-12, "upper");
      const h = hksjInterval(d.yi, d.vi, re.tau2, re.estimate, l.level);
      const knha = predictionInterval(re.estimate, h?.se as number, re.tau2, re.k, l.level);
      assertClose(knha?.interval[0] as number, l.predictKnhaRiley.piLower, 1e-9, 1e-12, "knha lower");
      assertClose(knha?.interval[1] as number, l.predictKnhaRiley.piUpper, 1e-9, 1e-12, "knha upper");
    });
  }
  it('metafor\'s default predict() under test = "knha" uses k − 1 df, not k − 2 (verified, not used here)', () => {
    for (const {d, l} of cases) {
      const re = randomEffects(d.yi, d.vi, {ciLevel: l.level});
      const h = hksjInterval(d.yi, d.vi, re.tau2, re.estimate, l.level);
      assert.equal(l.predictKnha.df, d.k - 1);
      const half = studentTQuantile(1 - (1 - l.level) / 2, d.k - 1) * Math.sqrt((h?.se as number) ** 2 + re.tau2);
      assertClose(re.estimate + half, l.predictKnha.piUpper, 1e-9, 1e-12);
    }
  });
  it("fewer than three estimates: null (no t with k − 2 df), never NaN", () => {
    assert.equal(predictionInterval(0.2, 0.1, 0.05, 2), null);
    assert.equal(predictionInterval(0.2, 0.1, 0.05, 1), null);
    assert.throws(() => predictionInterval(Number.NaN, 0.1, 0.05, 5), /estimate must be finite/);
    assert.throws(() => predictionInterval(0.2, -0.1, 0.05, 5), /≥ 0/);
  });
});

describe("HKSJ and prediction intervals: properties", () => {
  const data = fc.array(
    fc.tuple(fc.double({min: -3, max: 3, noNaN: true}), fc.double({min: 0.005, max: 1, noNaN: true})),
    {minLength: 3, maxLength: 15},
  );
  const fit = (pairs: Array<[number, number]>, level: number) => {
    const yi = pairs.map((p) => p[0]);
    const vi = pairs.map((p) => p[1]);
    const re = randomEffects(yi, vi, {ciLevel: level});
    const h = hksjInterval(yi, vi, re.tau2, re.estimate, level) as NonNullable<ReturnType<typeof hksjInterval>>;
    const pi = predictionInterval(re.estimate, re.se, re.tau2, re.k, level) as NonNullable<
      ReturnType<typeof predictionInterval>
    >;
    const piHksj = predictionInterval(re.estimate, h.se, re.tau2, re.k, level) as NonNullable<
      ReturnType<typeof predictionInterval>
    >;
    return {re, h, pi, piHksj};
  };
  it("the HKSJ CI contains the estimate; the PI contains the Wald CI when τ² > 0 (and the HKSJ-se PI the HKSJ CI)", () => {
    fc.assert(
      fc.property(data, fc.constantFrom(0.8, 0.9, 0.95, 0.99), (pairs, level) => {
        const {re, h, pi, piHksj} = fit(pairs, level);
        assert.ok(h.ci[0] <= re.estimate && re.estimate <= h.ci[1]);
        if (re.tau2 > 0) {
          assert.ok(pi.interval[0] < re.ci[0] && re.ci[1] < pi.interval[1]);
          assert.ok(piHksj.interval[0] <= h.ci[0] && h.ci[1] <= piHksj.interval[1]);
        }
      }),
      {seed: 2201, numRuns: 200},
    );
  });
  it("widths increase with ciLevel", () => {
    fc.assert(
      fc.property(data, (pairs) => {
        const widths = [0.8, 0.9, 0.95, 0.99].map((level) => {
          const {h, pi} = fit(pairs, level);
          return [h.ci[1] - h.ci[0], pi.interval[1] - pi.interval[0]];
        });
        for (let i = 1; i < widths.length; i++) {
          const [hPrev, piPrev] = widths[i - 1] as number[];
          const [hNow, piNow] = widths[i] as number[];
          assert.ok((hNow as number) >= (hPrev as number) && (piNow as number) > (piPrev as number));
        }
      }),
      {seed: 2202, numRuns: 100},
    );
  });
});
