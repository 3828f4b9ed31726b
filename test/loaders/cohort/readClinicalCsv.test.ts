import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {readClinicalCsv} from "../../../loaders/cohort/readClinicalCsv.js";

describe("readClinicalCsv", () => {
  it("drops the guarding apostrophe the workbench writes before an id or cell that looks like a formula", () => {
    const read = readClinicalCsv("patient_id,AGE,sex\n'-007,64,M\n'=x,'+5,F\n", "c.csv");
    assert.deepEqual(read.columns, ["age", "sex"]);
    assert.deepEqual([...read.byPatient.keys()], ["-007", "=x"]);
    assert.deepEqual(read.byPatient.get("=x"), {age: 5, sex: "F"});
  });

  it("refuses a repeated patient and a short row, naming the lines, and reads nothing", () => {
    assert.throws(
      () => readClinicalCsv("patient_id,age\nA,60\nA,61\nB\n", "c.csv"),
      /c\.csv: nothing was read:\n {2}line 3 \(patient A\): patient repeated \(first on line 2\)\n {2}line 4 \(patient B\): has 1 fields, header has 2/,
    );
  });
});
