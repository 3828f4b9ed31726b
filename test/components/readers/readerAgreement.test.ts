import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {readerAgreement} from "../../../src/components/readers/readerAgreement.js";
import type {ReadersTable} from "../../../src/components/readers/readReadersCsv.js";
import {assertClose} from "../stats/golden.js";

const [CR, PR, SD, PD] = [0, 1, 2, 3];

// Three readers, five patients; B did not read P5, so Fleiss' κ and the unanimous share use P1–P4 (n = 4).
const table: ReadersTable = {
  readers: ["A", "B", "C"],
  rows: [
    {patientId: "P1", labels: [CR, CR, CR]},
    {patientId: "P2", labels: [PR, PR, SD]},
    {patientId: "P3", labels: [SD, SD, SD]},
    {patientId: "P4", labels: [PD, SD, PD]},
    {patientId: "P5", labels: [CR, null, PR]},
  ],
};

const byPair = (r: ReturnType<typeof readerAgreement>, a: string, b: string) => {
  const p = r.pairs.find((q) => (q.a === a && q.b === b) || (q.a === b && q.b === a));
  assert.ok(p, `${a}–${b}`);
  return p;
};

describe("readerAgreement(table, options)", () => {
  it("a hand-checked case: Fleiss' κ 9/17, z 18/√35, unanimous 2 of 4, pairwise κ and confusion matrices", () => {
    const r = readerAgreement(table, {replicates: 0});
    assert.deepEqual(r.readers, ["A", "B", "C"]);
    assert.equal(r.n, 4);
    // Counts per patient (CR PR SD PD): 3000, 0210, 0030, 0012 → P̄ = (1 + 1/3 + 1 + 1/3)/4 = 2/3;
    // p = (3, 2, 5, 2)/12 → P̄e = 42/144 = 7/24; κ = (2/3 − 7/24)/(17/24) = 9/17.
    // Σpq = 17/24, Σpq(q − p) = 23/72 → se² = 2/((17/24)²·4·3·2)·((17/24)² − 23/72) = 35/1156, z = 18/√35.
    assertClose(r.fleissKappa.kappa as number, 9 / 17, 1e-14);
    assertClose(r.fleissKappa.se as number, Math.sqrt(35) / 34, 1e-14);
    assertClose(r.fleissKappa.z as number, 18 / Math.sqrt(35), 1e-14);
    assert.equal(r.fleissKappa.ci, null);
    assert.deepEqual(r.unanimous, {count: 2, share: 0.5});
    assert.deepEqual(
      r.pairs.map((p) => [p.a, p.b, p.n]),
      [
        ["A", "B", 4],
        ["A", "C", 5],
        ["B", "C", 4],
      ],
    );
    const ab = byPair(r, "A", "B");
    // A: CR PR SD PD, B: CR PR SD SD: p_o = 3/4, p_e = 1/4 → 2/3; linear (11/12 − 5/8)/(3/8) = 7/9;
    // quadratic (35/36 − 7/9)/(2/9) = 7/8.
    assertClose(ab.cohen.kappa as number, 2 / 3, 1e-14);
    assertClose(ab.linear.kappa as number, 7 / 9, 1e-14);
    assertClose(ab.quadratic.kappa as number, 7 / 8, 1e-14);
    assert.deepEqual(ab.confusion, [
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 1, 0],
    ]);
    // A: CR PR SD PD CR, C: CR SD SD PD PR (P5 counts here): p_o = 3/5, p_e = 6/25 → 9/19.
    const ac = byPair(r, "A", "C");
    assertClose(ac.cohen.kappa as number, 9 / 19, 1e-14);
    assert.deepEqual(ac.confusion, [
      [1, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
    ]);
    // B: CR PR SD SD, C: CR SD SD PD: p_o = 1/2, p_e = 5/16 → 3/11.
    assertClose(byPair(r, "B", "C").cohen.kappa as number, 3 / 11, 1e-14);
    assert.deepEqual(
      [ab.cohen.weighting, ab.linear.weighting, ab.quadratic.weighting],
      ["none", "linear", "quadratic"],
    );
  });
  it("intervals are seeded per statistic and per pair: reordering the readers changes nothing but a/b order", () => {
    const options = {replicates: 200, seed: 9};
    const r = readerAgreement(table, options);
    assert.deepEqual(readerAgreement(table, options), r);
    const reordered: ReadersTable = {
      readers: ["C", "A", "B"],
      rows: table.rows.map((row) => ({
        patientId: row.patientId,
        labels: [row.labels[2], row.labels[0], row.labels[1]],
      })),
    } as ReadersTable;
    const s = readerAgreement(reordered, options);
    assert.deepEqual(s.fleissKappa, r.fleissKappa);
    assert.deepEqual(s.unanimous, r.unanimous);
    for (const [a, b] of [
      ["A", "B"],
      ["A", "C"],
      ["B", "C"],
    ] as const) {
      const p = byPair(r, a, b);
      const q = byPair(s, a, b);
      assert.deepEqual([q.n, q.cohen, q.linear, q.quadratic], [p.n, p.cohen, p.linear, p.quadratic], `${a}–${b}`);
      const transposed = p.confusion.map((_, i) => p.confusion.map((row) => row[i]));
      assert.deepEqual(q.confusion, q.a === p.a ? p.confusion : transposed);
    }
    // Dropping reader C leaves the A–B intervals where they were.
    const twoReaders = readerAgreement(
      {readers: ["A", "B"], rows: table.rows.map((row) => ({...row, labels: row.labels.slice(0, 2)}))},
      options,
    );
    assert.deepEqual(twoReaders.pairs[0]?.cohen, byPair(r, "A", "B").cohen);
    assert.ok(r.fleissKappa.ci && r.pairs[0]?.cohen.ci, "intervals computed");
    // Another seed, other resamples (with five patients some intervals coincide, so the whole block is compared).
    assert.notDeepEqual(readerAgreement(table, {replicates: 200, seed: 10}), r);
  });
  it("no patient read by everyone: n 0, Fleiss' κ and the unanimous share null; pairs still computed", () => {
    const r = readerAgreement(
      {
        readers: ["A", "B", "C"],
        rows: [
          {patientId: "P1", labels: [CR, PR, null]},
          {patientId: "P2", labels: [null, SD, SD]},
        ],
      },
      {replicates: 10},
    );
    assert.equal(r.n, 0);
    assert.deepEqual(r.fleissKappa, {kappa: null, se: null, z: null, p: null, ci: null});
    assert.deepEqual(r.unanimous, {count: 0, share: null});
    assert.deepEqual(
      r.pairs.map((p) => p.n),
      [1, 0, 1],
    );
  });
  it("refuses fewer than two readers and rows that do not match the readers", () => {
    assert.throws(() => readerAgreement({readers: ["A"], rows: []}), /at least 2 readers/);
    assert.throws(
      () => readerAgreement({readers: ["A", "B"], rows: [{patientId: "P1", labels: [CR]}]}),
      /rows\[0\] \(patient P1\) has 1 labels for 2 readers/,
    );
  });
});
