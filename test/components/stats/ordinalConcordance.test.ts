import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {expectedClass, ordinalConcordance} from "../../../src/components/stats/ordinalConcordance.js";
import {beyond} from "./beyondGolden.js";
import {assertClose} from "./golden.js";

const d = beyond.ordinal;
const obs = (d.observed as number[]).map((c) => c - 1);

describe("ordinalConcordance (golden: pairwise pROC AUCs)", () => {
  it("the expected class is the golden score minus one (classes counted from 0)", () => {
    for (const [i, s] of expectedClass(d.probabilities).entries()) assertClose(s, d.score[i] - 1, 1e-14);
  });
  it("ORC, Harrell's C and the six pairwise AUCs match R to 1e-12", () => {
    const c = ordinalConcordance(obs, expectedClass(d.probabilities), 4);
    assertClose(c.orc as number, d.orc.value, 1e-12);
    assertClose(c.harrellC as number, d.harrellC.value, 1e-12);
    for (const [i, p] of c.byPair.entries()) assertClose(p.auc as number, d.orc.pairAuc[i], 1e-12);
  });
  it("Harrell's C counts concordant patient pairs directly (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({min: 0, max: 3}), fc.integer({min: 0, max: 5})), {minLength: 2, maxLength: 40}),
        (rows) => {
          const c = ordinalConcordance(
            rows.map((r) => r[0]),
            rows.map((r) => r[1]),
            4,
          );
          let num = 0;
          let den = 0;
          for (const a of rows) {
            for (const b of rows) {
              if (a[0] >= b[0]) continue;
              den++;
              num += a[1] < b[1] ? 1 : a[1] === b[1] ? 0.5 : 0;
            }
          }
          if (den === 0) assert.equal(c.harrellC, null);
          else assertClose(c.harrellC as number, num / den, 1e-12);
          if (c.orc !== null) assert.ok(c.orc >= 0 && c.orc <= 1);
        },
      ),
      {seed: 14, numRuns: 200},
    );
  });
  it("a score in the classes' order gives 1; a single class gives null; bad input names the entry", () => {
    const c = ordinalConcordance([0, 1, 2, 3], [0.1, 0.2, 0.3, 0.4], 4);
    assert.deepEqual([c.orc, c.harrellC], [1, 1]);
    assert.deepEqual([ordinalConcordance([2, 2], [1, 2], 4).orc], [null]);
    assert.throws(() => ordinalConcordance([0, 7], [1, 2], 4), /observed\[1\]/);
    assert.throws(() => ordinalConcordance([0, 1], [1, Number.NaN], 4), /score\[1\]/);
  });
});
