import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {loess} from "../../../src/components/stats/loess.js";
import {beyond, maxAbsDiff} from "./beyondGolden.js";

describe("loess (golden: R loess(surface = 'direct'))", () => {
  for (const name of ["continuous", "ties", "narrow"]) {
    it(`${name}: fitted values and predictions on a grid match R to 1e-9`, () => {
      const g = beyond.loess[name];
      const l = loess(g.p, g.y, {span: g.span, degree: 2});
      assert.ok(maxAbsDiff(l.fitted, g.fitted) < 1e-9, `fitted ${maxAbsDiff(l.fitted, g.fitted)}`);
      assert.ok(
        maxAbsDiff(l.predict(g.grid), g.predicted) < 1e-9,
        `grid ${maxAbsDiff(l.predict(g.grid), g.predicted)}`,
      );
    });
  }
});

describe("loess: behaviour", () => {
  it("reproduces a quadratic exactly (degree 2), a line exactly (degree 1) (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({min: 0, max: 1, noNaN: true}), {minLength: 8, maxLength: 40}),
        fc.double({min: -2, max: 2, noNaN: true}),
        fc.double({min: -2, max: 2, noNaN: true}),
        (x, a, b) => {
          if (new Set(x.map((v) => v.toFixed(3))).size < 8) return;
          const quad = x.map((v) => a + b * v + 0.5 * v * v);
          const fit = loess(x, quad, {span: 1});
          for (const [i, f] of fit.fitted.entries()) assert.ok(Math.abs(f - (quad[i] as number)) < 1e-6);
          const line = x.map((v) => a + b * v);
          const linear = loess(x, line, {span: 1, degree: 1}).fitted;
          for (const [i, f] of linear.entries()) assert.ok(Math.abs(f - (line[i] as number)) < 1e-6);
        },
      ),
      {seed: 14, numRuns: 100},
    );
  });
  it("bad input is refused by name", () => {
    assert.throws(() => loess([0, 1], [1]), /same length/);
    assert.throws(() => loess([0, Number.NaN], [1, 1]), /x\[1\]/);
    assert.throws(() => loess([0, 1, 2], [1, 1, 1], {span: 0.1}), /too small/);
  });
});
