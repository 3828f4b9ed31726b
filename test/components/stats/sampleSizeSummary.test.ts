import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {categoryPairs, maxCoxSnell, pateMultinomial} from "../../../src/components/stats/multinomialSampleSize.js";
import {AnticipatedNagelkerke, sampleSizeRow} from "../../../src/components/stats/sampleSizeSummary.js";
import {sampleSizeGolden} from "./sampleSizeGolden.js";

describe("sampleSizeRow", () => {
  it("four classes, Nagelkerke 0.15 pairwise and overall: the R code's criteria i and ii (golden studyLikeK4)", () => {
    // multsampsize's pmsampsize_mult_general(nagrsquared = rep(0.15, 6), parameters = 12, K = 4,
    // mult_n_events = c(31, 23, 27, 19), mult_nagrsquared_overall = 0.15); criterion iii differs (α/4 here, α/5 there).
    const g = sampleSizeGolden.multinomial.studyLikeK4;
    const row = sampleSizeRow("m", 12, [31, 23, 27, 19]);
    assert.equal(row.criteria?.shrinkage, g.criterion1);
    assert.equal(row.criteria?.optimism, g.criterion2);
    assert.equal(row.alphaPerCategory, 0.05 / 4);
    assert.equal(row.parameters, 12);
    assert.equal(row.overallParameters, 36);
    assert.equal(row.trainingPatients, 100);
    assert.deepEqual(row.eventsPerClass, [31, 23, 27, 19]);
    assert.equal(row.eventsPerParameter, 19 / 12);
    assert.equal(row.required, Math.max(g.criterion1, g.criterion2, row.criteria?.categoryRisk ?? 0));
  });

  it("the binding pair is the one whose submodel needs the most patients", () => {
    const counts = [31, 23, 27, 19];
    const row = sampleSizeRow("m", 12, counts);
    const p = counts.map((c) => c / 100);
    const r = pateMultinomial({
      proportions: p,
      r2csPairs: categoryPairs(4).map(([lo, hi]) => {
        const phi = (counts[hi] as number) / ((counts[lo] as number) + (counts[hi] as number));
        return AnticipatedNagelkerke * maxCoxSnell([phi, 1 - phi]);
      }),
      r2csOverall: AnticipatedNagelkerke * maxCoxSnell(p),
      parameters: 12,
    });
    const top = r.pairs.reduce((a, b) => (b.patients > a.patients ? b : a));
    assert.deepEqual(row.bindingPair, [top.lower, top.higher]);
    assert.equal(Math.ceil(top.patients), row.criteria?.shrinkage);
  });

  it("more candidate parameters never need fewer patients; the criteria are reported", () => {
    const counts = [20, 30, 25, 25];
    let previous = 0;
    for (const p of [1, 4, 10, 40, 2048]) {
      const row = sampleSizeRow(`p${p}`, p, counts);
      assert.ok(row.required !== null && row.required >= previous, `${p} parameters: ${row.required}`);
      assert.ok(row.criteria && row.required === Math.max(...Object.values(row.criteria)));
      previous = row.required;
    }
  });

  it("a class without training patients gives no requirement, with the reason", () => {
    const row = sampleSizeRow("m", 3, [10, 0, 5, 5]);
    assert.equal(row.required, null);
    assert.equal(row.criteria, null);
    assert.equal(row.note, "a class has no training patient");
    assert.equal(row.eventsPerParameter, 0);
  });
});
