import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {auc} from "../../../src/components/stats/auc.js";
import {countsAuc, sortedAuc} from "../../../src/components/stats/sortedAuc.js";

/** U/(m·n) by counting pairs on the expanded sample (each item repeated `count` times): exact, independent. */
function expandedPairAuc(y: number[], s: number[], count: number[]): number {
  let u = 0;
  let cases = 0;
  let controls = 0;
  y.forEach((yi, i) => {
    if (yi === 1) cases += count[i] as number;
    else controls += count[i] as number;
    if (yi !== 1) return;
    y.forEach((yj, j) => {
      if (yj !== 0) return;
      const pair = (s[i] as number) > (s[j] as number) ? 1 : s[i] === s[j] ? 0.5 : 0;
      u += pair * (count[i] as number) * (count[j] as number);
    });
  });
  return cases > 0 && controls > 0 ? u / (cases * controls) : Number.NaN;
}

/** Counts in input order → counts over the sorted positions. */
function byPosition(position: Uint32Array, count: number[]): Uint32Array {
  const out = new Uint32Array(count.length);
  count.forEach((c, i) => {
    out[position[i] as number] = c;
  });
  return out;
}

// Small integer scores (many ties) or distinct ones; counts 0…4 (a resample draws an item 0, 1 or more times)
const resample = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(fc.boolean(), fc.integer({min: -6, max: 6}), fc.nat(4)), {maxLength: 50}))
  .map(([distinct, rows]) => ({
    y: rows.map(([y]) => (y ? 1 : 0)),
    s: rows.map(([, s], i) => (distinct ? s + i / 64 : s / 2)),
    count: rows.map(([, , c]) => c),
  }));

describe("sortedAuc(outcome, score)", () => {
  it("sorts once: order ascending and stable, position its inverse, tie groups and case flags by position", () => {
    const k = sortedAuc([1, 0, 1, 0, true], [0.5, 0.2, 0.2, 0.9, 0.5]);
    assert.deepEqual([...k.order], [1, 2, 0, 4, 3]);
    assert.deepEqual([...k.position], [2, 0, 1, 4, 3]);
    assert.deepEqual([...k.isCase], [0, 1, 1, 1, 0]);
    assert.deepEqual([...k.groupEnd], [0, 1, 0, 1, 1]);
    assert.equal(k.hasTies, true);
    assert.equal(k.cases, 3);
    assert.equal(sortedAuc([0, 1], [2, 1]).hasTies, false);
  });
  it("validates like auc: NaN score names its index; lengths must agree; outcome must be binary", () => {
    assert.throws(() => sortedAuc([1, 0], [1, Number.NaN]), /score\[1\]/);
    assert.throws(() => sortedAuc([1, 0], [1]), RangeError);
    assert.throws(() => sortedAuc([1, 2], [1, 2]), RangeError);
  });
});

describe("countsAuc(sorted, counts)", () => {
  it("equals the AUC of the expanded resample exactly, ties ½, with or without ties (property)", () => {
    fc.assert(
      fc.property(resample, ({y, s, count}) => {
        const k = sortedAuc(y, s);
        const got = countsAuc(k, byPosition(k.position, count));
        const expected = expandedPairAuc(y, s, count);
        if (Number.isNaN(expected)) return assert.ok(Number.isNaN(got));
        assert.equal(got, expected);
        const ey = y.flatMap((v, i) => Array(count[i]).fill(v) as number[]);
        const es = s.flatMap((v, i) => Array(count[i]).fill(v) as number[]);
        assert.equal(got, auc(ey, es)); // the rank-sum AUC of the expanded sample, bit for bit
      }),
      {seed: 2602, numRuns: 500},
    );
  });
  it("counts of 1 give the plain AUC; no case or no control drawn gives NaN", () => {
    const y = [0, 1, 0, 1, 1, 0];
    const s = [0.1, 0.4, 0.4, 0.8, 0.35, 0.9];
    const k = sortedAuc(y, s);
    assert.equal(countsAuc(k, new Uint32Array(6).fill(1)), auc(y, s));
    assert.ok(Number.isNaN(countsAuc(k, byPosition(k.position, [1, 0, 2, 0, 0, 1]))));
    assert.ok(Number.isNaN(countsAuc(k, byPosition(k.position, [0, 1, 0, 0, 3, 0]))));
  });
});
