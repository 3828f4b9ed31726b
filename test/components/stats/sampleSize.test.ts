import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {rileyBinary} from "../../../src/components/stats/sampleSize.js";
import {beyond} from "./beyondGolden.js";
import {assertClose} from "./golden.js";

describe("rileyBinary (golden: Riley et al. 2020 formulas, pmsampsize's documented example)", () => {
  it("R²cs 0.288, 24 parameters, prevalence 0.174 → 623, 662, 221 → 662 (pmsampsize documentation)", () => {
    const r = rileyBinary({r2cs: 0.288, parameters: 24, prevalence: 0.174});
    assert.deepEqual(
      [Math.ceil(r.criterion1), Math.ceil(r.criterion2), Math.ceil(r.criterion3), r.n],
      [623, 662, 221, 662],
    );
    assertClose(r.eventsPerParameter, (662 * 0.174) / 24, 1e-14);
  });
  for (const name of ["binaryExample", "binarySmall"]) {
    it(`${name}: every criterion matches the R computation to 1e-10`, () => {
      const g = beyond.riley[name];
      const r = rileyBinary({r2cs: g.r2cs, parameters: g.parameters, prevalence: g.prevalence});
      assertClose(r.criterion1, g.n1, 1e-10);
      assertClose(r.criterion2, g.n2, 1e-10);
      assertClose(r.criterion3, g.n3, 1e-10);
      assertClose(r.maxR2cs, g.maxR2, 1e-12);
      assert.equal(r.n, g.n);
    });
  }
  it("more parameters never need fewer patients (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 60}),
        fc.double({min: 0.05, max: 0.95, noNaN: true}),
        fc.double({min: 0.01, max: 0.3, noNaN: true}),
        (p, prev, frac) => {
          const max = 1 - (prev ** prev * (1 - prev) ** (1 - prev)) ** 2;
          const r2cs = frac * max;
          assert.ok(
            rileyBinary({r2cs, parameters: p + 1, prevalence: prev}).n >=
              rileyBinary({r2cs, parameters: p, prevalence: prev}).n,
          );
        },
      ),
      {seed: 14, numRuns: 200},
    );
  });
  it("refuses an R²cs beyond its maximum and a prevalence outside (0, 1)", () => {
    assert.throws(() => rileyBinary({r2cs: 0.7, parameters: 5, prevalence: 0.174}), /Cox–Snell R²/);
    assert.throws(() => rileyBinary({r2cs: 0.1, parameters: 5, prevalence: 0}), /prevalence/);
  });
});
