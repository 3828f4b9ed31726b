import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {modelAgainstReaders} from "../../../src/components/readers/modelAgainstReaders.js";
import type {ReadersTable} from "../../../src/components/readers/readReadersCsv.js";
import {aucCiDeLong} from "../../../src/components/stats/delong.js";

const [CR, PR, SD, PD] = [0, 1, 2, 3];

const table: ReadersTable = {
  readers: ["A", "B"],
  rows: [
    {patientId: "P1", labels: [CR, CR]},
    {patientId: "P2", labels: [PR, SD]},
    {patientId: "P3", labels: [SD, SD]},
    {patientId: "P4", labels: [PD, PD]},
    {patientId: "P5", labels: [CR, PR]},
    {patientId: "P6", labels: [CR, CR]}, // read, not predicted
  ],
};
// Objective-response scores P(CR) + P(PR): P1 0.8, P2 0.6, P3 0.3, P4 0.1, P5 0.5; most probable: CR PR SD PD SD.
const predictions = [
  {patientId: "P1", probabilities: [0.7, 0.1, 0.1, 0.1]},
  {patientId: "P2", probabilities: [0.1, 0.5, 0.3, 0.1]},
  {patientId: "P3", probabilities: [0.1, 0.2, 0.6, 0.1]},
  {patientId: "P4", probabilities: [0.05, 0.05, 0.1, 0.8]},
  {patientId: "P5", probabilities: [0.2, 0.3, 0.4, 0.1]},
  {patientId: "P7", probabilities: [0.25, 0.25, 0.25, 0.25]}, // predicted, never read
];

describe("modelAgainstReaders(predictions, table, options)", () => {
  it("AUC, DeLong interval and accuracy against each reader, the majority and the unanimous patients", () => {
    const r = modelAgainstReaders(predictions, table);
    assert.equal(r.notInTable, 1);
    const row = (name: string) => {
      const x = r.references.find((q) => q.name === name);
      assert.ok(x, name);
      return x;
    };
    assert.deepEqual(
      r.references.map((q) => q.name),
      ["A", "B", "majority", "unanimous"],
    );
    // A: responders P1 P2 P5 (0.8 0.6 0.5) all above P3 P4 (0.3 0.1): AUC 1; P5 read CR, predicted SD: 4/5.
    const a = row("A");
    assert.deepEqual([a.n, a.nCases, a.nControls, a.auc, a.accuracy, a.unpredicted], [5, 3, 2, 1, 0.8, 1]);
    assert.deepEqual(a.ci, aucCiDeLong([1, 1, 0, 0, 1], [0.8, 0.6, 0.3, 0.1, 0.5])?.ci);
    // B: responders P1 P5 (0.8 0.5) against P2 P3 P4 (0.6 0.3 0.1): 5 of 6 pairs; P2 and P5 misclassified: 3/5.
    const b = row("B");
    assert.deepEqual([b.n, b.nCases, b.auc, b.accuracy], [5, 2, 5 / 6, 0.6]);
    assert.deepEqual(b.ci, aucCiDeLong([1, 0, 0, 0, 1], [0.8, 0.6, 0.3, 0.1, 0.5])?.ci);
    // Majority of two readers, ties excluded = unanimous: P1 P3 P4; a single responder, so no DeLong interval.
    for (const name of ["majority", "unanimous"]) {
      const m = row(name);
      assert.deepEqual([m.n, m.nCases, m.auc, m.ci, m.accuracy, m.unpredicted], [3, 1, 1, null, 1, 1], name);
    }
    assert.deepEqual(row("majority").excluded, {notRead: 0, tooFewReadings: 0, tie: 2, disagreement: 0});
    assert.deepEqual(row("unanimous").excluded, {notRead: 0, tooFewReadings: 0, tie: 0, disagreement: 2});
  });
  it("the majority's tie rule is an option: 'worse' settles P2 as SD and P5 as PR, which is reader B here", () => {
    const r = modelAgainstReaders(predictions, table, {tie: "worse"});
    const majority = r.references.find((q) => q.name === "majority");
    assert.deepEqual(majority?.rule, {rule: "majority", tie: "worse"});
    assert.deepEqual([majority?.n, majority?.auc, majority?.accuracy], [5, 5 / 6, 0.6]);
  });
  it("no patient in common: n 0, AUC, interval and accuracy null", () => {
    const r = modelAgainstReaders([{patientId: "X", probabilities: [1, 0, 0, 0]}], table);
    assert.deepEqual(
      r.references.map((q) => [q.n, q.auc, q.ci, q.accuracy]),
      new Array(4).fill([0, null, null, null]),
    );
    assert.equal(r.notInTable, 1);
  });
  it("refuses a patient predicted twice and a malformed probability vector, naming the patient", () => {
    const p1 = {patientId: "P1", probabilities: [1, 0, 0, 0]};
    assert.throws(() => modelAgainstReaders([p1, p1], table), /patient P1 is predicted twice/);
    assert.throws(
      () => modelAgainstReaders([{patientId: "P1", probabilities: [0.5, 0.5]}], table),
      /patient P1: 2 probabilities, expected 4/,
    );
    assert.throws(
      () => modelAgainstReaders([{patientId: "P1", probabilities: [0.5, Number.NaN, 0, 0.5]}], table),
      /patient P1: P\(PR\) must be a finite number/,
    );
  });
});
