import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {randomEffects} from "../../../src/components/stats/randomEffects.js";
import {tau2QProfile} from "../../../src/components/stats/tau2QProfile.js";
import {assertClose} from "./golden.js";
import {meta} from "./metaGolden.js";

describe('tau2QProfile (golden: metafor confint(rma(yi, vi))$random, type "QP")', () => {
  // biome-ignore lint/suspicious/noExplicitAny: golden JSON from R, indexed freely.
  for (const [name, d] of Object.entries(meta.meta as Record<string, any>)) {
    for (const l of d.levels) {
      it(`${name} (k = ${d.k}), level ${l.level}: τ², I² and H² bounds to 1e-9`, () => {
        const re = randomEffects(d.yi, d.vi);
        const q = tau2QProfile(d.yi, d.vi, re.tau2, l.level);
        assert.ok(q);
        const g = l.qprofile;
        assertClose(q.tau2[0], g.tau2Lower, 1e-9, 1e-11, "tau2 lower");
        assertClose(q.tau2[1], g.tau2Upper, 1e-9, 1e-11, "tau2 upper");
        assertClose(q.I2[0], g.I2Lower, 1e-9, 1e-9, "I2 lower");
        assertClose(q.I2[1], g.I2Upper, 1e-9, 1e-9, "I2 upper");
        assertClose(q.H2[0], g.H2Lower, 1e-9, 1e-11, "H2 lower");
        assertClose(q.H2[1], g.H2Upper, 1e-9, 1e-11, "H2 upper");
        assert.equal(q.upperAtLimit, false);
      });
    }
  }
  it("the cases the golden covers: a lower bound at 0 (k = 3 at 95%) and one above it (at 90%); both 0 when homogeneous", () => {
    const c = meta.meta.centres.levels;
    assert.equal(c[0].qprofile.tau2Lower, 0);
    assert.ok(c[1].qprofile.tau2Lower > 0);
    assert.deepEqual([meta.meta.homogeneous.levels[0].qprofile.tau2Upper, meta.meta.bcg.k], [0, 13]);
  });
  it("a heterogeneity beyond the search limit max(100, 10·τ̂²) gives the limit, flagged", () => {
    const q = tau2QProfile([-40, 0, 40], [0.01, 0.01, 0.01], 1);
    assert.ok(q);
    assert.equal(q.tau2[1], 100);
    assert.equal(q.upperAtLimit, true);
  });
  it("nested as the level grows, lower ≤ upper, I² within [0, 100) (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({min: -3, max: 3, noNaN: true}), fc.double({min: 0.005, max: 1, noNaN: true})), {
          minLength: 2,
          maxLength: 12,
        }),
        (pairs) => {
          const yi = pairs.map((p) => p[0]);
          const vi = pairs.map((p) => p[1]);
          const re = randomEffects(yi, vi);
          let previous: [number, number] | null = null;
          for (const level of [0.8, 0.9, 0.95, 0.99]) {
            const q = tau2QProfile(yi, vi, re.tau2, level);
            assert.ok(q && q.tau2[0] <= q.tau2[1] && q.tau2[0] >= 0 && q.I2[0] >= 0 && q.I2[1] < 100);
            if (previous) assert.ok(q.tau2[0] <= previous[0] + 1e-12 && q.tau2[1] >= previous[1] - 1e-12);
            previous = q.tau2;
          }
        },
      ),
      {seed: 2203, numRuns: 100},
    );
  });
  it("one estimate: null; bad input refused", () => {
    assert.equal(tau2QProfile([0.2], [0.1], 0), null);
    assert.throws(() => tau2QProfile([0.2, 0.3], [0.1, 0], 0), /vi\[1\] must be > 0/);
    assert.throws(() => tau2QProfile([0.2, 0.3], [0.1, 0.1], -1), /tau2Hat must be ≥ 0/);
  });
});
