import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {ReadersCsvError, readReadersCsv} from "../../../src/components/readers/readReadersCsv.js";

const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof ReadersCsvError, String(e));
    return e.message;
  }
  assert.fail("expected a ReadersCsvError");
};

describe("readReadersCsv(text, source)", () => {
  it("reads patient_id (any case, any position) and every other column as a reader; empty = not read", () => {
    const {readers, rows, warnings} = readReadersCsv(
      "Reader A,Patient_ID,Reader B,R3\r\nCR,P1,CR,PD\r\nPR,P2,,SD\r\n,007,PD,PD\r\n",
      "r.csv",
    );
    assert.deepEqual(readers, ["Reader A", "Reader B", "R3"]);
    assert.deepEqual(rows, [
      {patientId: "P1", labels: [0, 0, 3]},
      {patientId: "P2", labels: [1, null, 2]},
      {patientId: "007", labels: [null, 3, 3]},
    ]);
    assert.deepEqual(warnings, [
      "r.csv: reader Reader A did not read 1 of 3 patient(s)",
      "r.csv: reader Reader B did not read 1 of 3 patient(s)",
    ]);
  });
  it("reads any case and surrounding spaces with one warning per reader naming the first line", () => {
    const {rows, warnings} = readReadersCsv("patient_id,a,b\nP1,cr, PD \nP2,sd,PR\nP3,Pd,SD\n", "lc.csv");
    assert.deepEqual(
      rows.map((r) => r.labels),
      [
        [0, 3],
        [2, 1],
        [3, 2],
      ],
    );
    assert.deepEqual(warnings, [
      'lc.csv: reader a: 3 label(s) not written as CR|PR|SD|PD, read case-insensitively (first: line 2 (patient P1): label "cr" read as CR (write CR, PR, SD, PD))',
      'lc.csv: reader b: 1 label(s) not written as CR|PR|SD|PD, read case-insensitively (first: line 2 (patient P1): label " PD " read as PD (write CR, PR, SD, PD))',
    ]);
  });
  it("keeps a patient nobody read, and says so", () => {
    const {rows, warnings} = readReadersCsv("patient_id,a,b\nP1,CR,CR\nP2,,\n", "n.csv");
    assert.deepEqual(rows[1], {patientId: "P2", labels: [null, null]});
    assert.ok(warnings.includes("n.csv: 1 patient(s) read by no reader"));
  });
  it("collects every bad row, by line and patient, into one error, and returns nothing", () => {
    const text = [
      "patient_id,a,b",
      "P1,CR,PR",
      "P2,XX,PR", // unknown label
      "P3,CR", // short row
      "P1,SD,SD", // repeated patient
      ",CR,CR", // empty id
      "P4,CR,PR,SD", // long row
      "P5,progressive,1", // two unknown labels
      "",
      "P6,CR,PR",
    ].join("\n");
    const message = messageOf(() => readReadersCsv(text, "readers.csv"));
    assert.match(message, /^readers\.csv: 6 invalid row\(s\), 7 problem\(s\); nothing was read/);
    assert.match(
      message,
      /\n {2}line 3 \(patient P2\): reader a: label must be one of CR\|PR\|SD\|PD \(or empty: not read\), not "XX"/,
    );
    assert.match(message, /\n {2}line 4 \(patient P3\): has 2 fields, header has 3/);
    assert.match(message, /\n {2}line 5 \(patient P1\): patient repeated \(first on line 2\)/);
    assert.match(message, /\n {2}line 6: patient_id is empty/);
    assert.match(message, /\n {2}line 7 \(patient P4\): has 4 fields, header has 3/);
    assert.match(message, /\n {2}line 8 \(patient P5\): reader a: label must be .*not "progressive"/);
    assert.match(message, /\n {2}line 8 \(patient P5\): reader b: label must be .*not "1"/);
    assert.doesNotMatch(message, /line (2|10) /);
  });
  it("refuses a duplicated column (ignoring case), naming it and both positions", () => {
    assert.equal(
      messageOf(() => readReadersCsv("patient_id,Smith,Jones,smith\nP1,CR,CR,CR\n", "dup.csv")),
      'dup.csv: line 1: column "smith" appears twice (columns 2 and 4); remove one',
    );
    assert.match(
      messageOf(() => readReadersCsv("patient_id,a,PATIENT_ID,b\nP1,CR,P1,CR\n", "dup.csv")),
      /column "PATIENT_ID" appears twice \(columns 1 and 3\)/,
    );
  });
  it("refuses fewer than two readers, no patient_id, an unnamed column, an empty file and a header alone", () => {
    assert.equal(
      messageOf(() => readReadersCsv("patient_id,a\nP1,CR\n", "one.csv")),
      "one.csv: line 1: need at least 2 reader columns besides patient_id, found 1",
    );
    assert.match(
      messageOf(() => readReadersCsv("id,a,b\nP1,CR,CR\n", "x.csv")),
      /missing column patient_id/,
    );
    assert.match(
      messageOf(() => readReadersCsv("patient_id,a,,b\nP1,CR,CR,CR\n", "x.csv")),
      /column 3 has no name/,
    );
    assert.match(
      messageOf(() => readReadersCsv("", "x.csv")),
      /^x\.csv: empty file/,
    );
    assert.equal(
      messageOf(() => readReadersCsv("patient_id,a,b\n", "x.csv")),
      "x.csv: no data rows",
    );
  });
});
