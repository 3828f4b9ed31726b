import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {aucCiDeLong} from "../../../src/components/stats/delong.js";
import {delongTest} from "../../../src/components/stats/pairedDelong.js";
import {assertClose, datasetNames, golden} from "./golden.js";

describe("aucCiDeLong(outcome, score, level)", () => {
  for (const name of datasetNames) {
    it(`matches pROC ci.auc(method = "delong") at 0.95 and 0.90 on ${name} to 1e-9 (golden)`, () => {
      const d = golden.datasets[name];
      const r95 = aucCiDeLong(d.outcome, d.score, 0.95);
      const r90 = aucCiDeLong(d.outcome, d.score, 0.9);
      assert.ok(r95?.ci && r90?.ci);
      assertClose(r95.auc, d.auc.value, 1e-9);
      assertClose(r95.ci[0], d.ciDeLong.value[0], 1e-9);
      assertClose(r95.ci[1], d.ciDeLong.value[1], 1e-9);
      assertClose(r90.ci[0], d.ciDeLong90.value[0], 1e-9);
      assertClose(r90.ci[1], d.ciDeLong90.value[1], 1e-9);
    });
  }
  it("gives null for a single class and ci null with one case (pROC: NA)", () => {
    assert.equal(aucCiDeLong([1, 1], [1, 2]), null);
    assert.deepEqual(aucCiDeLong([1, 0, 0], [3, 1, 2]), {auc: 1, ci: null});
  });
  it("throws on NaN and on a level outside (0, 1)", () => {
    assert.throws(() => aucCiDeLong([1, 0], [1, Number.NaN]), /score\[1\]/);
    assert.throws(() => aucCiDeLong([1, 0, 1, 0], [1, 2, 3, 4], 1), RangeError);
  });
});

describe("delongTest(outcome, score1, score2)", () => {
  for (const name of datasetNames) {
    it(`matches pROC roc.test(method = "delong", paired = TRUE) on ${name} to 1e-9 (golden)`, () => {
      const d = golden.datasets[name];
      const t = delongTest(d.outcome, d.score, d.score2);
      assert.ok(t);
      assertClose(t.auc1, d.rocTest.auc1, 1e-9);
      assertClose(t.auc2, d.rocTest.auc2, 1e-9);
      assertClose(t.z, d.rocTest.z, 1e-9, 1e-12);
      assertClose(t.p, d.rocTest.p, 1e-9);
      assertClose(t.ci[0], d.rocTest.ci[0], 1e-9, 1e-12);
      assertClose(t.ci[1], d.rocTest.ci[1], 1e-9, 1e-12);
    });
  }
  it("identical scores give difference 0, z 0, p 1", () => {
    const t = delongTest([1, 0, 1, 0, 1], [0.9, 0.2, 0.4, 0.5, 0.7], [0.9, 0.2, 0.4, 0.5, 0.7]);
    assert.deepEqual([t?.difference, t?.z, t?.p], [0, 0, 1]);
  });
  it("returns null with fewer than two cases or controls; throws on unequal lengths", () => {
    assert.equal(delongTest([1, 0, 0], [1, 2, 3], [3, 2, 1]), null);
    assert.throws(() => delongTest([1, 0], [1, 2], [1]), RangeError);
  });
});
