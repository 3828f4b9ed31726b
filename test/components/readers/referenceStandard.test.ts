import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {ReadersTable} from "../../../src/components/readers/readReadersCsv.js";
import {type ReferenceRule, referenceStandard} from "../../../src/components/readers/referenceStandard.js";

const [CR, PR, SD, PD] = [0, 1, 2, 3];
const _ = null;

// Three readers; each patient is one situation the rules must tell apart.
const table: ReadersTable = {
  readers: ["A", "B", "C"],
  rows: [
    {patientId: "all-agree", labels: [PR, PR, PR]},
    {patientId: "two-one", labels: [SD, PD, SD]},
    {patientId: "three-way", labels: [CR, SD, PD]}, // 1–1–1 tie
    {patientId: "A-missing-tie", labels: [_, PR, SD]}, // 1–1 over the two available readings
    {patientId: "A-missing-agree", labels: [_, CR, CR]},
    {patientId: "one-reading", labels: [_, _, PD]},
    {patientId: "nobody", labels: [_, _, _]},
  ],
};

const refs = (rule: ReferenceRule) => referenceStandard(table, rule).rows.map((r) => [r.reference, r.reason ?? ""]);

describe("referenceStandard(table, rule)", () => {
  it("reader: that reader's class; not read → null 'notRead'; no ties", () => {
    const s = referenceStandard(table, {rule: "reader", reader: "A"});
    assert.deepEqual(
      s.rows.map((r) => [r.reference, r.reason ?? ""]),
      [
        [PR, ""],
        [SD, ""],
        [CR, ""],
        [null, "notRead"],
        [null, "notRead"],
        [null, "notRead"],
        [null, "notRead"],
      ],
    );
    assert.deepEqual(s.counts, {
      patients: 7,
      assigned: 3,
      ties: 0,
      excluded: {notRead: 4, tooFewReadings: 0, tie: 0, disagreement: 0},
    });
    assert.deepEqual(
      s.rows.map((r) => r.readings),
      [3, 3, 3, 2, 2, 1, 0],
    );
    assert.equal(referenceStandard(table, {rule: "reader", reader: "C"}).rows[2]?.reference, PD);
  });
  it("majority, tie = exclude: plurality over the available readings (≥ 2); ties left out", () => {
    assert.deepEqual(refs({rule: "majority", tie: "exclude"}), [
      [PR, ""],
      [SD, ""],
      [null, "tie"],
      [null, "tie"],
      [CR, ""],
      [null, "tooFewReadings"],
      [null, "tooFewReadings"],
    ]);
    assert.deepEqual(referenceStandard(table, {rule: "majority", tie: "exclude"}).counts, {
      patients: 7,
      assigned: 3,
      ties: 2,
      excluded: {notRead: 0, tooFewReadings: 2, tie: 2, disagreement: 0},
    });
  });
  it("majority, tie = worse: the tied class closest to PD; tie = better: closest to CR", () => {
    assert.deepEqual(
      refs({rule: "majority", tie: "worse"}).map((r) => r[0]),
      [PR, SD, PD, SD, CR, null, null],
    );
    assert.deepEqual(
      refs({rule: "majority", tie: "better"}).map((r) => r[0]),
      [PR, SD, CR, PR, CR, null, null],
    );
    const worse = referenceStandard(table, {rule: "majority", tie: "worse"}).counts;
    assert.deepEqual([worse.assigned, worse.ties, worse.excluded.tie], [5, 2, 0]);
  });
  it("majority with four readers: 2–1–1 decides, 2–2 is a tie", () => {
    const four: ReadersTable = {
      readers: ["A", "B", "C", "D"],
      rows: [
        {patientId: "p1", labels: [SD, SD, CR, PD]},
        {patientId: "p2", labels: [PR, SD, SD, PR]},
      ],
    };
    assert.deepEqual(
      referenceStandard(four, {rule: "majority", tie: "exclude"}).rows.map((r) => r.reference),
      [SD, null],
    );
    assert.deepEqual(
      referenceStandard(four, {rule: "majority", tie: "worse"}).rows.map((r) => r.reference),
      [SD, SD],
    );
  });
  it("unanimous: every available reading agrees, at least two of them; a tie is a disagreement, not a tie", () => {
    assert.deepEqual(refs({rule: "unanimous"}), [
      [PR, ""],
      [null, "disagreement"],
      [null, "disagreement"],
      [null, "disagreement"],
      [CR, ""],
      [null, "tooFewReadings"],
      [null, "tooFewReadings"],
    ]);
    assert.deepEqual(referenceStandard(table, {rule: "unanimous"}).counts, {
      patients: 7,
      assigned: 2,
      ties: 0,
      excluded: {notRead: 0, tooFewReadings: 2, tie: 0, disagreement: 3},
    });
  });
  it("refuses an unknown reader (naming the readers) and an unknown tie mode", () => {
    assert.throws(
      () => referenceStandard(table, {rule: "reader", reader: "Z"}),
      /reference reader "Z" is not one of the readers: A, B, C/,
    );
    assert.throws(
      () => referenceStandard(table, {rule: "majority", tie: "coin" as "exclude"}),
      /tie must be one of exclude\|worse\|better, not coin/,
    );
  });
});
