import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {fleissKappa, fleissKappaCounts} from "../../../src/components/stats/fleissKappa.js";
import {assertClose} from "./golden.js";

/**
 * Fleiss (1971), Psychological Bulletin 76:378, table 1: 30 patients, 6 psychiatrists each, 5 diagnoses
 * (1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other). Transcribed from the `diagnoses`
 * dataset of the R package irr (CRAN irr 0.84.1, data/diagnoses.rda; rater6's factor has no level 1, so its codes
 * are shifted back onto the five diagnoses); the same matrix is statsmodels' test_inter_rater.py `diagnoses`.
 * Column totals 26, 26, 30, 55, 43 (p_j = .144 .144 .167 .306 .239, Fleiss 1971), P̄ = .556, P̄e = .220, κ = .430.
 * `irr::kappam.fleiss(diagnoses)` prints Kappa = 0.43, z = 17.7, p-value = 0; to 7 digits (the `cat_items` dump
 * quoted in statsmodels' test_fleiss_kappa_irr) value = 0.4302445, statistic = 17.65183.
 */
const diagnoses = [
  [4, 4, 4, 4, 4, 4],
  [2, 2, 2, 5, 5, 5],
  [2, 3, 3, 3, 3, 5],
  [5, 5, 5, 5, 5, 5],
  [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3],
  [3, 3, 3, 3, 5, 5],
  [1, 1, 3, 3, 3, 4],
  [1, 1, 4, 4, 4, 4],
  [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4],
  [1, 2, 4, 4, 4, 4],
  [2, 2, 2, 3, 3, 3],
  [1, 4, 4, 4, 4, 4],
  [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5],
  [1, 1, 1, 4, 5, 5],
  [1, 1, 1, 1, 1, 2],
  [2, 2, 4, 4, 4, 4],
  [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5],
  [2, 4, 4, 4, 4, 4],
  [2, 2, 4, 5, 5, 5],
  [1, 1, 4, 4, 4, 4],
  [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4],
  [1, 1, 1, 1, 5, 5],
  [2, 2, 4, 4, 4, 4],
  [1, 3, 3, 3, 3, 3],
  [5, 5, 5, 5, 5, 5],
].map((row) => row.map((c) => c - 1));

/**
 * Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories, counts n_ij; published
 * P_1 … P_10 = 1.000 .253 .308 .440 .330 .462 .242 .176 .286 .286, P̄ = 0.378, P̄e = 0.213, κ = 0.210.
 */
const wikipedia = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

describe("fleissKappa (goldens: Fleiss 1971 table 1 = irr `diagnoses`; Wikipedia worked example)", () => {
  it("diagnoses: κ = 0.4302445 and z = 17.65183 as irr::kappam.fleiss reports; p below irr's printed 0", () => {
    const f = fleissKappa(diagnoses, 5, {replicates: 0});
    assertClose(f.kappa as number, 0.4302445, 0, 5e-8);
    assertClose(f.z as number, 17.65183, 0, 5e-6);
    assert.ok((f.p as number) > 0 && (f.p as number) < 1e-60, String(f.p));
    assertClose(f.observed as number, 0.556, 0, 5e-4);
    assertClose(f.expected as number, 0.22, 0, 5e-4);
    assert.deepEqual([f.subjects, f.raters, f.ci, f.replicates, f.dropped], [30, 6, null, 0, 0]);
    // Fleiss 1971's p_j, from the column totals.
    const totals = [0, 1, 2, 3, 4].map((c) => diagnoses.flat().filter((x) => x === c).length);
    assert.deepEqual(totals, [26, 26, 30, 55, 43]);
  });
  it("Wikipedia: P̄ = 0.378, P̄e = 0.213, κ = 0.210 from the counts table", () => {
    const f = fleissKappaCounts(wikipedia, {replicates: 0});
    assertClose(f.observed as number, 0.378, 0, 5e-4);
    assertClose(f.expected as number, 0.213, 0, 5e-4);
    assertClose(f.kappa as number, 0.21, 0, 5e-4);
    assert.deepEqual([f.subjects, f.raters], [10, 14]);
  });
  it("ratings and their counts table give the same result, bootstrap included", () => {
    const counts = diagnoses.map((row) => [0, 1, 2, 3, 4].map((c) => row.filter((x) => x === c).length));
    assert.deepEqual(
      fleissKappa(diagnoses, 5, {replicates: 200, seed: 5}),
      fleissKappaCounts(counts, {replicates: 200, seed: 5}),
    );
  });
  it("the bootstrap interval is seeded: same seed same interval, another seed another; it brackets κ here", () => {
    const a = fleissKappa(diagnoses, 5, {replicates: 500, seed: 3});
    const b = fleissKappa(diagnoses, 5, {replicates: 500, seed: 3});
    const c = fleissKappa(diagnoses, 5, {replicates: 500, seed: 4});
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.ci, c.ci);
    const [lo, hi] = a.ci as [number, number];
    assert.ok(lo < (a.kappa as number) && (a.kappa as number) < hi && hi - lo < 0.4, `${lo} ${a.kappa} ${hi}`);
    assert.equal(a.replicates + a.dropped, 500);
    const narrow = fleissKappa(diagnoses, 5, {replicates: 500, seed: 3, ciLevel: 0.5}).ci as [number, number];
    assert.ok(lo <= narrow[0] && narrow[1] <= hi);
  });
  it("every rating in one category: κ, se, z, p undefined (null), every replicate dropped", () => {
    const f = fleissKappa(
      [
        [2, 2],
        [2, 2],
      ],
      4,
      {replicates: 10},
    );
    assert.deepEqual([f.kappa, f.se, f.z, f.p, f.ci, f.replicates, f.dropped], [null, null, null, null, null, 0, 10]);
    assert.equal(f.observed, 1);
  });
  it("no subjects: everything null", () => {
    const f = fleissKappa([], 4, {replicates: 10});
    assert.deepEqual([f.kappa, f.observed, f.ci, f.subjects, f.dropped], [null, null, null, 0, 10]);
  });
  it("two raters: κ is Scott's π (pooled marginals), not Cohen's κ", () => {
    // 4 subjects, (0,0) (1,1) (0,1) (1,0): P̄ = 1/2, p = (1/2, 1/2), P̄e = 1/2, κ = 0.
    assert.equal(
      fleissKappa(
        [
          [0, 0],
          [1, 1],
          [0, 1],
          [1, 0],
        ],
        2,
        {replicates: 0},
      ).kappa,
      0,
    );
  });
  it("bad input names the entry", () => {
    assert.throws(() => fleissKappa([[0, 4]], 4), /ratings\[0\]\[1\] must be a category index in 0 … 3, not 4/);
    assert.throws(
      () =>
        fleissKappa(
          [
            [0, 1],
            [0, 1, 2],
          ],
          4,
        ),
      /counts\[1\] sums to 3 ratings; every subject needs the same m = 2/,
    );
    assert.throws(() => fleissKappa([[0]], 4), /m ≥ 2/);
    assert.throws(
      () =>
        fleissKappaCounts([
          [1, 1],
          [1, 1, 0],
        ]),
      /counts\[1\] has 3 categories/,
    );
    assert.throws(() => fleissKappaCounts([[1, -1, 2]]), /counts\[0\]\[1\] must be a non-negative integer/);
    assert.throws(() => fleissKappa([[0, 1]], 1), /categories/);
    assert.throws(() => fleissKappa([[0, 1]], 2, {ciLevel: 1}), /ciLevel/);
  });
});

describe("fleissKappa properties", () => {
  // Subjects × raters matrices of category indices 0 … 3, m ≥ 2 raters.
  const ratingsArb = fc
    .tuple(fc.integer({min: 1, max: 30}), fc.integer({min: 2, max: 7}))
    .chain(([n, m]) =>
      fc.array(fc.array(fc.integer({min: 0, max: 3}), {minLength: m, maxLength: m}), {minLength: n, maxLength: n}),
    );
  it("perfect agreement with at least two categories used gives κ = 1 exactly", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({min: 0, max: 3}), {minLength: 2, maxLength: 30}),
        fc.integer({min: 2, max: 7}),
        (classes, m) => {
          fc.pre(new Set(classes).size >= 2);
          const f = fleissKappa(
            classes.map((c) => new Array<number>(m).fill(c)),
            4,
            {replicates: 0},
          );
          assert.equal(f.kappa, 1);
        },
      ),
      {seed: 21, numRuns: 100},
    );
  });
  it("κ ≤ 1, and permuting raters within subjects or relabelling categories changes nothing", () => {
    fc.assert(
      fc.property(
        ratingsArb,
        fc.constantFrom([0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]),
        (ratings, relabel) => {
          const f = fleissKappa(ratings, 4, {replicates: 20, seed: 2});
          if (f.kappa !== null) assert.ok(f.kappa <= 1 + 1e-12);
          if (f.ci) assert.ok(f.ci[0] <= f.ci[1] && f.ci[1] <= 1 + 1e-12);
          // Rater order reversed in every subject and rotated differently from subject to subject.
          const permuted = ratings.map((row, i) => {
            const r = [...row].reverse();
            return [...r.slice(i % r.length), ...r.slice(0, i % r.length)];
          });
          assert.deepEqual(fleissKappa(permuted, 4, {replicates: 20, seed: 2}), f);
          const relabelled = fleissKappa(
            ratings.map((row) => row.map((c) => relabel[c] as number)),
            4,
            {replicates: 20, seed: 2},
          );
          for (const key of ["kappa", "se", "z", "p"] as const) {
            const a = f[key];
            const b = relabelled[key];
            if (a === null || b === null) assert.equal(a, b, key);
            else assertClose(b, a, 1e-9, 1e-12, key);
          }
        },
      ),
      {seed: 22, numRuns: 150},
    );
  });
});
