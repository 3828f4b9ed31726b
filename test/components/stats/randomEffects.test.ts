import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {fromLogit, toLogit} from "../../../src/components/stats/logitScale.js";
import {randomEffects} from "../../../src/components/stats/randomEffects.js";
import {beyond} from "./beyondGolden.js";
import {assertClose} from "./golden.js";

describe("randomEffects (golden: metafor::rma)", () => {
  // biome-ignore lint/suspicious/noExplicitAny: golden JSON from R, indexed freely.
  for (const [name, d] of Object.entries(beyond.meta) as [string, any][]) {
    for (const method of ["DL", "REML"] as const) {
      it(`${name}, method ${method}: τ², estimate, se, CI, z, p, Q, I², H² to 1e-6`, () => {
        const r = randomEffects(d.yi, d.vi, {method});
        const e = d[method];
        assert.equal(r.k, e.k);
        assertClose(r.tau2, e.tau2, 1e-7, 1e-10, "tau2");
        assertClose(r.estimate, e.estimate, 1e-8, 0, "estimate");
        assertClose(r.se, e.se, 1e-8, 0, "se");
        assertClose(r.ci[0], e.ciLower, 1e-8, 0, "ci lower");
        assertClose(r.ci[1], e.ciUpper, 1e-8, 0, "ci upper");
        assertClose(r.z, e.z, 1e-8, 0, "z");
        assertClose(r.p, e.p, 1e-6, 0, "p");
        assertClose(r.Q, e.Q, 1e-10, 0, "Q");
        assertClose(r.Qp as number, e.Qp, 1e-6, 0, "Qp");
        assertClose(r.I2 as number, e.I2, 1e-7, 1e-9, "I2");
        assertClose(r.H2 as number, e.H2, 1e-7, 0, "H2");
      });
    }
  }
  it("AUCs pooled on the logit scale: the delta-method transform gives the golden yi, vi", () => {
    const d = beyond.meta.centres;
    d.auc.forEach((auc: number, i: number) => {
      const t = toLogit(auc, d.aucSe[i]);
      assertClose(t.yi, d.yi[i], 1e-14);
      assertClose(t.vi, d.vi[i], 1e-14);
    });
    const r = randomEffects(d.yi, d.vi);
    const back = fromLogit(r.estimate, r.ci);
    assert.ok(back.ci[0] < back.estimate && back.estimate < back.ci[1] && back.ci[1] < 1);
  });
});

describe("randomEffects: behaviour", () => {
  it("one estimate: τ² = 0, the estimate itself, no Q p or I²", () => {
    const r = randomEffects([0.3], [0.04], {method: "REML"});
    assert.deepEqual([r.tau2, r.estimate, r.Qp, r.I2], [0, 0.3, null, null]);
    assertClose(r.se, 0.2, 1e-15);
  });
  it("the pooled estimate lies within the range of the estimates; τ² ≥ 0; I² in [0, 100) (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({min: -5, max: 5, noNaN: true}), fc.double({min: 1e-3, max: 2, noNaN: true})), {
          minLength: 2,
          maxLength: 12,
        }),
        fc.constantFrom("DL" as const, "REML" as const),
        (pairs, method) => {
          const r = randomEffects(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
            {method},
          );
          const ys = pairs.map((p) => p[0]);
          assert.ok(r.estimate >= Math.min(...ys) - 1e-9 && r.estimate <= Math.max(...ys) + 1e-9);
          assert.ok(r.tau2 >= 0 && (r.I2 as number) >= 0 && (r.I2 as number) < 100);
        },
      ),
      {seed: 14, numRuns: 200},
    );
  });
  it("REML's τ² is a stationary point of the restricted likelihood when positive", () => {
    const d = beyond.meta.bcg;
    const r = randomEffects(d.yi, d.vi);
    const restricted = (t: number) => {
      const w = (d.vi as number[]).map((v) => 1 / (v + t));
      const sw = w.reduce((a, b) => a + b, 0);
      const mu = w.reduce((a, x, i) => a + x * d.yi[i], 0) / sw;
      return -0.5 * (w.reduce((a, x, i) => a - Math.log(x) + x * (d.yi[i] - mu) ** 2, 0) + Math.log(sw));
    };
    const h = 1e-5;
    assert.ok(restricted(r.tau2) >= restricted(r.tau2 + h) && restricted(r.tau2) >= restricted(r.tau2 - h));
  });
  it("bad input names the entry", () => {
    assert.throws(() => randomEffects([], []), /at least one/);
    assert.throws(() => randomEffects([1, 2], [0.1, 0]), /vi\[1\] must be > 0/);
    assert.throws(() => randomEffects([1, Number.NaN], [0.1, 0.1]), /yi\[1\]/);
    assert.throws(() => toLogit(1, 0.01, "AUC of centre B"), /AUC of centre B 1 must be strictly between 0 and 1/);
  });
});
