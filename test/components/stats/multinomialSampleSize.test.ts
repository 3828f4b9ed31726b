import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {categoryPairs, maxCoxSnell, pateMultinomial} from "../../../src/components/stats/multinomialSampleSize.js";
import {sampleSizeGolden} from "./sampleSizeGolden.js";

// Golden: Pate's own R code, multsampsize 0.0.0.9000 pmsampsize_mult_general(type = "m", …), run by
// test/golden/make-sample-size-golden.R; each case names its call. Its criterion iii divides α by the literal 5.
const cases = sampleSizeGolden.multinomial;
const run = (
  g: {proportions: number[]; r2csPairs: number[]; r2csOverall: number; parameters: number},
  comparisons?: number,
) =>
  pateMultinomial(
    {proportions: g.proportions, r2csPairs: g.r2csPairs, r2csOverall: g.r2csOverall, parameters: g.parameters},
    comparisons === undefined ? {} : {comparisons},
  );

describe('pateMultinomial (golden: Pate et al. 2023\'s R code for pmsampsize type "m")', () => {
  it("README example, K = 3, Nagelkerke 0.15, P = 17 → 2660, 714, 664 → 2660 (documented output)", () => {
    const r = run(cases.readmeK3, cases.criterion3Divisor);
    assert.deepEqual([r.criterion1, r.criterion2, r.criterion3, r.n], [2660, 714, 664, 2660]);
    assert.equal(r.overallParameters, 34);
  });
  it("Pate et al.'s worked example (ovarian tumours, K = 5, Q = 17) → 13136, 1477, 524 → 13136 (documented output)", () => {
    // K = 5, so the paper's α/K and the code's α/5 coincide.
    const r = run(cases.paperK5);
    assert.deepEqual([r.criterion1, r.criterion2, r.criterion3, r.n], [13136, 1477, 524, 13136]);
    assert.equal(r.pairs.length, 10);
    assert.equal(r.alphaPerCategory, 0.01);
  });
  it("four classes as in this study: every criterion as the R code gives it", () => {
    const g = cases.studyLikeK4;
    const r = run(g, cases.criterion3Divisor);
    assert.deepEqual([r.criterion1, r.criterion2, r.criterion3, r.n], [g.criterion1, g.criterion2, g.criterion3, g.n]);
    // The paper's Bonferroni over K = 4 categories asks for fewer patients in criterion iii than α/5.
    const paper = run(g);
    assert.equal(paper.alphaPerCategory, 0.0125);
    assert.ok(paper.criterion3 < r.criterion3);
    assert.equal(paper.criterion1, r.criterion1);
    assert.equal(paper.criterion2, r.criterion2);
  });
  it("criterion ii uses (K − 1)·P parameters and the overall R²: it grows with K at the same P", () => {
    const r3 = run(cases.readmeK3);
    assert.equal(r3.overallParameters, 2 * 17);
    assert.ok(Math.abs(r3.maxR2csOverall - maxCoxSnell(cases.readmeK3.proportions)) < 1e-15);
  });
  it("more parameters never need fewer patients (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 300}),
        fc.array(fc.integer({min: 5, max: 200}), {minLength: 3, maxLength: 6}),
        (p, counts) => {
          const total = counts.reduce((a, b) => a + b, 0);
          const proportions = counts.map((c) => c / total);
          const r2csPairs = categoryPairs(counts.length).map(([lo, hi]) => {
            const phi = (counts[hi] as number) / ((counts[lo] as number) + (counts[hi] as number));
            return 0.15 * maxCoxSnell([phi, 1 - phi]);
          });
          const input = {proportions, r2csPairs, r2csOverall: 0.15 * maxCoxSnell(proportions)};
          assert.ok(pateMultinomial({...input, parameters: p + 1}).n >= pateMultinomial({...input, parameters: p}).n);
        },
      ),
      {seed: 22, numRuns: 200},
    );
  });
  it("refuses bad input with the reason", () => {
    const ok = {proportions: [0.2, 0.3, 0.5], r2csPairs: [0.1, 0.1, 0.1], r2csOverall: 0.1, parameters: 3};
    assert.throws(() => pateMultinomial({...ok, proportions: [0.5, 0.5]}), /at least three/);
    assert.throws(() => pateMultinomial({...ok, proportions: [0.2, 0.3, 0.4]}), /sum to 1/);
    assert.throws(() => pateMultinomial({...ok, r2csPairs: [0.1]}), /needs 3 values/);
    assert.throws(() => pateMultinomial({...ok, parameters: 0}), /parameters/);
    assert.throws(() => pateMultinomial({...ok, r2csPairs: [0.1, 0.95, 0.1]}), /pair \(0, 2\)/);
    assert.throws(() => pateMultinomial({...ok, r2csOverall: 0.99}), /overall Cox–Snell/);
  });
});
