import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {regularizedBeta} from "../../../src/components/stats/incompleteBeta.js";
import {assertClose} from "./golden.js";
import {meta} from "./metaGolden.js";

describe("regularizedBeta (golden: R pbeta)", () => {
  it("matches pbeta(x, a, b) over a grid of x, a and b to 1e-12 relative", () => {
    const g = meta.quantiles.beta;
    g.x.forEach((x: number, i: number) => {
      assertClose(regularizedBeta(x, g.a[i], g.b[i]), g.p[i], 1e-12, 1e-300, `pbeta(${x}, ${g.a[i]}, ${g.b[i]})`);
    });
  });
  it("closed forms: I_x(a, 1) = xᵃ, I_x(1, b) = 1 − (1 − x)ᵇ; the ends are 0 and 1", () => {
    for (const x of [0.01, 0.3, 0.9]) {
      assertClose(regularizedBeta(x, 3.5, 1), x ** 3.5, 1e-13);
      assertClose(regularizedBeta(x, 1, 2.5), 1 - (1 - x) ** 2.5, 1e-13);
    }
    assert.equal(regularizedBeta(0, 2, 3), 0);
    assert.equal(regularizedBeta(1, 2, 3), 1);
  });
  it("I_x(a, b) = 1 − I_{1−x}(b, a), and it rises with x (property)", () => {
    fc.assert(
      fc.property(
        fc.double({min: 0.001, max: 0.999, noNaN: true}),
        fc.double({min: 0.001, max: 0.999, noNaN: true}),
        fc.double({min: 0.2, max: 60, noNaN: true}),
        fc.double({min: 0.2, max: 60, noNaN: true}),
        (x, y, a, b) => {
          assertClose(regularizedBeta(x, a, b), 1 - regularizedBeta(1 - x, b, a), 1e-10, 1e-13);
          const [lo, hi] = x < y ? [x, y] : [y, x];
          assert.ok(regularizedBeta(lo, a, b) <= regularizedBeta(hi, a, b) + 1e-15);
        },
      ),
      {seed: 22, numRuns: 200},
    );
  });
  it("refuses x outside [0, 1] and a, b that are not finite and > 0", () => {
    assert.throws(() => regularizedBeta(1.5, 1, 1), /x in \[0, 1\], not 1.5/);
    assert.throws(() => regularizedBeta(0.5, 0, 1), /finite a > 0, not 0/);
    assert.throws(() => regularizedBeta(0.5, 1, Number.POSITIVE_INFINITY), /finite b > 0/);
  });
});
