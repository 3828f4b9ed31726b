import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, it} from "node:test";
import {approxLinear, lowess} from "../../../src/components/stats/lowess.js";

// R 4.2.2 lowess(x, y, iter = 0): test/golden/make-calibrate-golden.R.
interface Case {
  x: number[];
  y: number[];
  sx: number[];
  sy: number[];
}
const golden = JSON.parse(readFileSync(new URL("../../golden/calibrate.json", import.meta.url), "utf8")) as Record<
  "continuous" | "ties" | "tiny",
  Case
>;

describe("lowess (R's clowess, iter = 0)", () => {
  for (const name of ["continuous", "ties", "tiny"] as const) {
    it(`${name}: sorted x and fitted values equal R's to 1e-12`, () => {
      const g = golden[name];
      const r = lowess(g.x, g.y);
      assert.deepEqual(r.x, g.sx);
      for (const [i, v] of r.y.entries())
        assert.ok(Math.abs(v - g.sy[i]!) < 1e-12, `${name}[${i}]: ${v} vs R ${g.sy[i]}`);
    });
  }

  it("refuses empty or non-finite input", () => {
    assert.throws(() => lowess([], []), /no points/);
    assert.throws(() => lowess([0, Number.NaN], [1, 0]), /point 1/);
  });
});

describe("approxLinear (R's approx, rule = 1, ties = first)", () => {
  it("interpolates, returns the knots exactly and null outside the range", () => {
    assert.deepEqual(approxLinear([0, 1, 1, 2], [0, 10, 99, 20], [-1, 0, 0.5, 1, 1.5, 2, 3]), [
      null,
      0,
      5,
      10,
      15,
      20,
      null,
    ]);
  });
});
