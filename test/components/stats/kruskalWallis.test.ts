import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {chiSquareSurvival} from "../../../src/components/stats/chiSquare.js";
import {kruskalWallis} from "../../../src/components/stats/kruskalWallis.js";
import {assertClose} from "./golden.js";

// R golden values are in contingency.test.ts; these are worked by hand from H = 12/(N(N+1)) Σ R²/n − 3(N+1).
describe("kruskalWallis(groups)", () => {
  it("two groups [1,2,3] vs [4,5,6]: rank sums 6 and 15, H = 12·87/42 − 21 = 27/7 on 1 df", () => {
    const r = kruskalWallis([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    assertClose(r.statistic, 27 / 7, 1e-12);
    assert.equal(r.df, 1);
    assertClose(r.p as number, chiSquareSurvival(27 / 7, 1), 1e-12);
  });
  it("three groups [1,2], [3,4], [5,6]: rank sums 3, 7, 11, H = 12·89.5/42 − 21 = 32/7; p = e^(−H/2) on 2 df", () => {
    const r = kruskalWallis([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    assertClose(r.statistic, 32 / 7, 1e-12);
    assert.equal(r.df, 2);
    assertClose(r.p as number, Math.exp(-16 / 7), 1e-12);
  });
  it("ties: [1,1,2] vs [2,3,3] has ranks 1.5,1.5,3.5 | 3.5,5.5,5.5, H₀ = 64/21 and correction 1 − 18/210, so H = 10/3", () => {
    const r = kruskalWallis([
      [1, 1, 2],
      [2, 3, 3],
    ]);
    assertClose(r.statistic, 10 / 3, 1e-12);
  });
  it("empty groups are ignored; fewer than two groups or all values tied give p null; NaN names the group", () => {
    assert.deepEqual(
      kruskalWallis([[1, 2, 3], [], [4, 5, 6]]),
      kruskalWallis([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    );
    assert.deepEqual(kruskalWallis([[1, 2, 3]]), {statistic: 0, df: 0, p: null});
    assert.deepEqual(kruskalWallis([]), {statistic: 0, df: 0, p: null});
    assert.deepEqual(kruskalWallis([[2, 2], [2]]), {statistic: 0, df: 1, p: null});
    assert.throws(() => kruskalWallis([[1], [2, Number.NaN]]), /groups\[1\]\[1\] must be a finite number/);
  });
  it("depends only on ranks and not on group order; H ≥ 0 (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({min: 0, max: 15}), {minLength: 1, maxLength: 8}), {minLength: 2, maxLength: 4}),
        (groups) => {
          const r = kruskalWallis(groups);
          const reordered = kruskalWallis([...groups].reverse());
          const transformed = kruskalWallis(groups.map((g) => g.map((x) => Math.exp(x / 4))));
          if (r.p === null) {
            assert.equal(reordered.p, null);
            return;
          }
          assert.ok(r.statistic >= -1e-12);
          assertClose(reordered.statistic, r.statistic, 1e-9, 1e-12);
          assertClose(transformed.statistic, r.statistic, 1e-9, 1e-12);
        },
      ),
      {seed: 20200210, numRuns: 200},
    );
  });
});
