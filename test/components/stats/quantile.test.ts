import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {quantile} from "../../../src/components/stats/quantile.js";
import {assertClose, golden} from "./golden.js";

describe("quantile(values, p) — R type 7", () => {
  it("matches R quantile(x, p, type = 7) (golden)", () => {
    const g = golden.quantile;
    g.p.forEach((p: number, i: number) => {
      assertClose(quantile(g.x, p) as number, g.value[i], 1e-14, 1e-15);
    });
  });
  it("uses the d3-array hand values 7.25 / 9 / 14.5 style interpolation", () => {
    assert.equal(quantile([3, 6, 7, 8, 8, 10, 13, 15, 16, 20], 0.25), 7.25);
    assert.equal(quantile([3, 6, 7, 8, 8, 10, 13, 15, 16, 20], 0.5), 9);
    assert.equal(quantile([3, 6, 7, 8, 8, 10, 13, 15, 16, 20], 0.75), 14.5);
  });
  it("empty → undefined; single value → that value; NaN or p outside [0, 1] → RangeError", () => {
    assert.equal(quantile([], 0.5), undefined);
    assert.equal(quantile([4], 0.3), 4);
    assert.throws(() => quantile([1, Number.NaN], 0.5), /values\[1\]/);
    assert.throws(() => quantile([1, 2], 1.5), RangeError);
  });
  it("does not mutate its input", () => {
    const x = [3, 1, 2];
    quantile(x, 0.5);
    assert.deepEqual(x, [3, 1, 2]);
  });
});
