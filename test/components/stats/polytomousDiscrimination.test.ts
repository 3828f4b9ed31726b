import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, it} from "node:test";
import fc from "fast-check";
import {polytomousDiscrimination} from "../../../src/components/stats/polytomousDiscrimination.js";

/** test/golden/make-pdi-golden.R: mcca 0.8.2 pdi(y, p, method = "prob") under R 4.2.2 (labels stored 0-based). */
interface Case {
  y: number[];
  p: number[][];
  pdi: number;
  components: number[];
}
const golden = JSON.parse(readFileSync(new URL("../../golden/pdi.json", import.meta.url), "utf8")) as Record<
  string,
  Case
>;

/** The definition, by brute force over every set of one patient per class (ties split equally), for the property. */
function bruteForce(y: number[], p: number[][], classes: number): number {
  const byClass = Array.from({length: classes}, (_, k) => y.flatMap((v, r) => (v === k ? [r] : [])));
  let total = 0;
  let sets = 0;
  const walk = (k: number, chosen: number[]) => {
    if (k === classes) {
      sets++;
      for (let i = 0; i < classes; i++) {
        const mine = p[chosen[i] as number]?.[i] as number;
        const values = chosen.map((r) => p[r]?.[i] as number);
        if (values.every((v) => v <= mine)) total += 1 / values.filter((v) => v === mine).length / classes;
      }
      return;
    }
    for (const r of byClass[k] as number[]) walk(k + 1, [...chosen, r]);
  };
  walk(0, []);
  return total / sets;
}

describe("polytomousDiscrimination", () => {
  for (const name of ["continuous", "ties", "noSignal"]) {
    it(`equals mcca::pdi(method = "prob") and its components on ${name} to 1e-12 (golden)`, () => {
      const c = golden[name] as Case;
      const got = polytomousDiscrimination(c.y, c.p, 4);
      assert.ok(Math.abs((got.pdi as number) - c.pdi) < 1e-12, `${got.pdi} vs mcca ${c.pdi}`);
      for (const [k, v] of got.components.entries())
        assert.ok(Math.abs((v as number) - (c.components[k] as number)) < 1e-12, `class ${k}`);
    });
  }

  it("equals the definition counted set by set, with ties (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({min: 0, max: 2}), fc.array(fc.integer({min: 0, max: 4}), {minLength: 3, maxLength: 3})),
          {
            minLength: 3,
            maxLength: 12,
          },
        ),
        (rows) => {
          const y = rows.map(([k], r) => (r < 3 ? r : k));
          const p = rows.map(([, v]) => v.map((x) => x / 4));
          return Math.abs((polytomousDiscrimination(y, p, 3).pdi as number) - bruteForce(y, p, 3)) < 1e-12;
        },
      ),
      {seed: 8, numRuns: 200},
    );
  });

  it("is null with an empty class, and names a bad label", () => {
    assert.equal(
      polytomousDiscrimination(
        [0, 1, 1],
        [
          [1, 0, 0, 0],
          [0, 1, 0, 0],
          [0, 1, 0, 0],
        ],
        4,
      ).pdi,
      null,
    );
    assert.throws(() => polytomousDiscrimination([7], [[1, 0, 0, 0]], 4), /label 7 at row 1/);
  });
});
