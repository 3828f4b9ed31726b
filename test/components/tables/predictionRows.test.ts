import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {predictionRows} from "../../../src/components/tables/predictionRows.js";

const csv = [
  {
    protocol: "paper",
    patient_id: "P1",
    cohort: "A",
    patch_id: "P1-0",
    label: "CR",
    p_CR: 0.7,
    p_PR: 0.1,
    p_SD: 0.1,
    p_PD: 0.1,
    split: "validation",
  },
  {
    protocol: "corrected",
    patient_id: "P1",
    cohort: "A",
    patch_id: "P1-0",
    label: "CR",
    p_CR: "0.4",
    p_PR: "0.3",
    p_SD: "0.2",
    p_PD: "0.1",
    split: "validation",
  },
  {
    protocol: "corrected",
    patient_id: 7,
    cohort: "B",
    patch_id: "",
    label: "PD",
    p_CR: 0,
    p_PR: 0,
    p_SD: 0,
    p_PD: 1,
    split: "training",
  },
] as const;

describe("predictionRows(csv, protocol, cohort?)", () => {
  it("keeps one protocol (and cohort), parses typed or string probabilities, drops empty patch ids", () => {
    assert.deepEqual(predictionRows(csv, "corrected"), [
      {patientId: "P1", cohort: "A", label: "CR", probabilities: [0.4, 0.3, 0.2, 0.1], patchId: "P1-0"},
      {patientId: "7", cohort: "B", label: "PD", probabilities: [0, 0, 0, 1]},
    ]);
    assert.equal(predictionRows(csv, "corrected", "B").length, 1);
    assert.equal(predictionRows(csv, "paper", "B").length, 0);
  });
  it("throws naming the row and patient on a bad label or probability", () => {
    assert.throws(
      () => predictionRows([{...csv[0], label: "XX"}], "paper"),
      /row 1 \(patient P1\): label must be one of/,
    );
    assert.throws(
      () => predictionRows([{...csv[0], p_SD: "abc"}], "paper"),
      /row 1 \(patient P1\): p_SD must be a finite number, got abc/,
    );
    assert.throws(() => predictionRows([{...csv[0], p_PD: null}], "paper"), /p_PD must be a finite number, got null/);
  });
});
