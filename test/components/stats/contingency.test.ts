import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {chiSquareTest} from "../../../src/components/stats/contingencyChiSquare.js";
import {fisherExact} from "../../../src/components/stats/fisherExact.js";
import {kruskalWallis} from "../../../src/components/stats/kruskalWallis.js";
import {assertClose, golden} from "./golden.js";

const tableNames = Object.keys(golden.tables);

describe("chiSquareTest(table) — R chisq.test", () => {
  for (const name of tableNames) {
    it(`matches chisq.test() (Yates on 2×2) and chisq.test(correct = FALSE) on ${name} to 1e-9 (golden)`, () => {
      const g = golden.tables[name];
      const r = chiSquareTest(g.table);
      assertClose(r.statistic, g.chisq.statistic, 1e-9);
      assert.equal(r.df, g.chisq.df);
      assertClose(r.p as number, g.chisq.p, 1e-9);
      const r0 = chiSquareTest(g.table, {correct: false});
      assertClose(r0.statistic, g.chisqNoCorrect.statistic, 1e-9);
      assertClose(r0.p as number, g.chisqNoCorrect.p, 1e-9);
    });
  }
  it("drops empty rows/columns; a single remaining row gives p null; bad tables throw", () => {
    assert.deepEqual(
      chiSquareTest([
        [1, 2],
        [0, 0],
      ]),
      {statistic: 0, df: 0, p: null, yates: false},
    );
    assert.throws(() => chiSquareTest([[1, 2], [3]]), /row 1/);
    assert.throws(
      () =>
        chiSquareTest([
          [1, -2],
          [3, 4],
        ]),
      /cell \[0\]\[1\]/,
    );
    assert.throws(
      () =>
        chiSquareTest([
          [1, Number.NaN],
          [3, 4],
        ]),
      RangeError,
    );
    assert.throws(() => chiSquareTest([]), RangeError);
  });
});

describe("fisherExact(table) — R fisher.test", () => {
  for (const name of tableNames) {
    it(`matches fisher.test() on ${name} to 1e-9 (golden)`, () => {
      const g = golden.tables[name];
      assertClose(fisherExact(g.table).p, g.fisher.p, 1e-9);
    });
  }
  it("degenerate tables give p = 1; oversize enumeration throws", () => {
    assert.equal(
      fisherExact([
        [3, 4],
        [0, 0],
      ]).p,
      1,
    );
    assert.throws(
      () =>
        fisherExact(
          [
            [40, 40, 40],
            [40, 40, 40],
            [40, 40, 40],
          ],
          {maxTables: 1000},
        ),
      /too large/,
    );
  });
});

describe("kruskalWallis(groups) — R kruskal.test", () => {
  for (const name of Object.keys(golden.kruskal)) {
    it(`matches kruskal.test() with tie correction on ${name} to 1e-9 (golden)`, () => {
      const g = golden.kruskal[name];
      const r = kruskalWallis(g.groups);
      assertClose(r.statistic, g.statistic, 1e-9);
      assert.equal(r.df, g.df);
      assertClose(r.p as number, g.p, 1e-9);
    });
  }
  it("one non-empty group or all values tied → p null; NaN → RangeError naming group and index", () => {
    assert.equal(kruskalWallis([[1, 2], []]).p, null);
    assert.equal(
      kruskalWallis([
        [2, 2],
        [2, 2, 2],
      ]).p,
      null,
    );
    assert.throws(() => kruskalWallis([[1], [2, Number.NaN]]), /groups\[1\]\[1\]/);
  });
});
