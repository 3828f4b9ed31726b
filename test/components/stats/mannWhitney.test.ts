import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {mannWhitney} from "../../../src/components/stats/mannWhitney.js";
import {assertClose, datasetNames, golden} from "./golden.js";

function groups(name: string): {x: number[]; y: number[]} {
  const d = golden.datasets[name];
  return {
    x: d.score.filter((_: number, i: number) => d.outcome[i] === 1),
    y: d.score.filter((_: number, i: number) => d.outcome[i] === 0),
  };
}

describe("mannWhitney(x, y) — R wilcox.test(x, y)", () => {
  for (const name of datasetNames) {
    it(`matches W, p and method of wilcox.test defaults on ${name} to 1e-9 (golden)`, () => {
      const d = golden.datasets[name];
      const {x, y} = groups(name);
      const r = mannWhitney(x, y);
      assert.ok(r);
      assert.equal(r.W, d.wilcox.W);
      assertClose(r.p, d.wilcox.p, 1e-9);
      assert.equal(r.method, d.wilcox.method);
      assert.equal(r.auc, r.W / (x.length * y.length));
    });
    it(`method "normal" matches wilcox.test(exact = FALSE) with and without correction on ${name} (golden)`, () => {
      const d = golden.datasets[name];
      const {x, y} = groups(name);
      assertClose(mannWhitney(x, y, {method: "normal"})?.p as number, d.wilcoxNormal.p, 1e-9);
      assertClose(mannWhitney(x, y, {method: "normal", correct: false})?.p as number, d.wilcoxNormalNoCorrect.p, 1e-9);
    });
  }
  it("uses the exact distribution for small groups without ties (both tails, 2·min, capped at 1)", () => {
    // x = {1,2}, y = {3,4,5}: W = 0, P(W ≤ 0) = 1/C(5,2) = 0.1 → p = 0.2 (R: wilcox.test(1:2, 3:5)$p.value)
    const r = mannWhitney([1, 2], [3, 4, 5]);
    assert.deepEqual([r?.W, r?.method], [0, "exact"]);
    assertClose(r?.p as number, 0.2, 1e-15);
    assert.equal(mannWhitney([1, 4], [2, 3])?.p, 1); // W = mn/2: 2·P(W ≤ 2) = 4/3, capped
  });
  it("forcing exact with ties falls back to normal with a note (as R)", () => {
    const r = mannWhitney([1, 2, 2], [2, 3, 4], {method: "exact"});
    assert.equal(r?.method, "normal");
    assert.match(r?.note ?? "", /ties/);
  });
  it("empty group → null; all values tied → p 1 with a note; NaN → RangeError naming the index", () => {
    assert.equal(mannWhitney([], [1, 2]), null);
    const tied = mannWhitney([2, 2, 2], [2, 2]);
    assert.deepEqual([tied?.W, tied?.p], [3, 1]);
    assert.ok(tied?.note);
    assert.throws(() => mannWhitney([1, Number.NaN], [2]), /x\[1\]/);
  });
  it("exact p at the largest exact size (49 vs 49) is finite and symmetric", () => {
    const x = Array.from({length: 49}, (_, i) => 2 * i);
    const y = Array.from({length: 49}, (_, i) => 2 * i + 1);
    const a = mannWhitney(x, y);
    const b = mannWhitney(y, x);
    assert.equal(a?.method, "exact");
    assertClose(a?.p as number, b?.p as number, 1e-12);
  });
});
