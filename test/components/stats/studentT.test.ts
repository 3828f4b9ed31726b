import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {normalQuantile} from "../../../src/components/stats/normal.js";
import {studentTCdf, studentTQuantile, studentTSurvival} from "../../../src/components/stats/studentT.js";
import {assertClose} from "./golden.js";
import {meta} from "./metaGolden.js";

describe("Student's t (golden: R qt, pt)", () => {
  it("studentTQuantile matches qt(p, df) to 1e-12 relative, integer and real df", () => {
    const g = meta.quantiles.t;
    g.p.forEach((p: number, i: number) => {
      assertClose(studentTQuantile(p, g.df[i]), g.q[i], 1e-12, 0, `qt(${p}, ${g.df[i]})`);
    });
  });
  it("studentTCdf matches pt(0.7·qt(p, df), df) to 1e-12", () => {
    const g = meta.quantiles.t;
    g.p.forEach((_p: number, i: number) => {
      assertClose(studentTCdf(0.7 * g.q[i], g.df[i]), g.cdf[i], 1e-12, 0, `pt at df ${g.df[i]}`);
    });
  });
  it("closed forms: df = 1 is Cauchy, df = 2 has t = (2p − 1)/√(2p(1 − p)); large df tends to the normal", () => {
    for (const p of [0.6, 0.9, 0.975, 0.999]) {
      assertClose(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 1e-12);
      assertClose(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-12);
    }
    assertClose(studentTQuantile(0.975, 1e7), normalQuantile(0.975), 1e-6);
  });
  it("symmetric, survival + cdf = 1, and the quantile inverts the cdf (property)", () => {
    fc.assert(
      fc.property(
        fc.double({min: 0.001, max: 0.999, noNaN: true}),
        fc.double({min: 0.5, max: 500, noNaN: true}),
        (p, df) => {
          const q = studentTQuantile(p, df);
          assertClose(studentTQuantile(1 - p, df), -q, 1e-9, 1e-12);
          assertClose(studentTCdf(q, df), p, 1e-10, 1e-14);
          assertClose(studentTCdf(q, df) + studentTSurvival(q, df), 1, 1e-14);
        },
      ),
      {seed: 22, numRuns: 150},
    );
  });
  it("ends and bad input", () => {
    assert.deepEqual(
      [studentTQuantile(0, 3), studentTQuantile(1, 3), studentTQuantile(0.5, 3)],
      [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 0],
    );
    assert.deepEqual(
      [studentTSurvival(Number.POSITIVE_INFINITY, 2), studentTSurvival(Number.NEGATIVE_INFINITY, 2)],
      [0, 1],
    );
    assert.throws(() => studentTQuantile(1.2, 3), /p in \[0, 1\], not 1.2/);
    assert.throws(() => studentTSurvival(1, 0), /df > 0, not 0/);
    assert.throws(() => studentTCdf(Number.NaN, 3), /not NaN/);
  });
});
