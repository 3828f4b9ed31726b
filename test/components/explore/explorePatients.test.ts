import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {explorePatients, patientKey, rowsOfPatients} from "../../../src/components/explore/explorePatients.js";
import {aggregatePatients} from "../../../src/components/stats/aggregatePatients.js";
import {exploreFixture} from "./exploreFixture.js";

describe("explorePatients", () => {
  const {predictions, cohorts} = exploreFixture();

  it("has one row per patient of the protocol, probabilities as aggregatePatients gives them, with its clinical values", () => {
    const patients = explorePatients(predictions, cohorts, {protocol: "corrected", aggregation: "median"});
    const rows = predictions.filter((r) => r.protocol === "corrected");
    const expected = aggregatePatients(rows, {aggregation: "median"});
    assert.equal(patients.length, 60);
    patients.forEach((p, i) => {
      const e = expected[i];
      assert.ok(e);
      assert.equal(p.patient_id, e.patientId);
      assert.deepEqual([p.p_CR, p.p_PR, p.p_SD, p.p_PD], e.probabilities);
      assert.equal(p.p_objective, (e.probabilities[0] as number) + (e.probabilities[1] as number));
      assert.equal(p.patches, rows.filter((r) => r.patientId === p.patient_id && r.cohort === p.cohort).length);
      const clinical = cohorts.clinical.find((c) => c.patient_id === p.patient_id && c.cohort === p.cohort);
      assert.equal(p.age, clinical?.age);
      assert.equal(p.afp, clinical?.afp);
      assert.equal(p.label, clinical?.label);
    });
  });

  it("names the file and the patient when a clinical row is missing, and allows a run with no clinical rows", () => {
    const short = {...cohorts, clinical: cohorts.clinical.slice(1)};
    assert.throws(
      () => explorePatients(predictions, short, {protocol: "paper"}),
      /data\/cohorts\.json has no clinical row for patient TRAIN-001 \(cohort TRAIN\)/,
    );
    const none = explorePatients(predictions, {clinical: [], clinicalColumns: []}, {protocol: "paper"});
    assert.equal(none.length, 60);
    assert.equal(none[0]?.age, undefined);
  });

  it("refuses a clinical column named like a computed column, and a protocol with no rows", () => {
    assert.throws(
      () => explorePatients(predictions, {...cohorts, clinicalColumns: ["patches"]}, {protocol: "paper"}),
      /clinical column "patches"/,
    );
    assert.throws(() => explorePatients(predictions, cohorts, {protocol: "other"}), /no rows for protocol other/);
  });

  it("rowsOfPatients keeps exactly the chosen patients' rows of the protocol", () => {
    const patients = explorePatients(predictions, cohorts, {protocol: "paper"}).filter((p) => p.sex === "F");
    const rows = rowsOfPatients(predictions, "paper", patients);
    const keys = new Set(patients.map(patientKey));
    assert.ok(
      rows.every((r) => r.protocol === "paper" && keys.has(patientKey({cohort: r.cohort, patient_id: r.patientId}))),
    );
    assert.equal(
      rows.length,
      patients.reduce((s, p) => s + p.patches, 0),
    );
  });
});
