import assert from "node:assert/strict";
import {describe, it} from "node:test";
import * as aq from "arquero";
import {explorePatients} from "../../../src/components/explore/explorePatients.js";
import {describeColumns, filterPatients} from "../../../src/components/explore/patientFilter.js";
import {filterTable, patientTable, tablePatients} from "../../../src/components/explore/patientTable.js";
import {exploreFixture} from "./exploreFixture.js";

describe("the patient table in arquero", () => {
  const {predictions, cohorts} = exploreFixture();
  const patients = explorePatients(predictions, cohorts, {protocol: "paper"});
  const columns = describeColumns(patients, ["cohort", "age", "tumour_number", "afp"]);

  it("holds every patient and column, and gives them back unchanged", () => {
    const table = patientTable(aq, patients);
    assert.equal(table.numRows(), patients.length);
    assert.deepEqual(table.columnNames(), Object.keys(patients[0] ?? {}));
    assert.deepEqual(tablePatients(table), patients);
  });

  it("filters as filterPatients does on plain rows", () => {
    const filter = {cohort: {levels: ["EXT"]}, tumour_number: {levels: ["1", "3"]}, age: {min: 45, max: 70}};
    const table = filterTable(aq, patientTable(aq, patients), columns, filter);
    assert.deepEqual(tablePatients(table), filterPatients(patients, columns, filter));
    assert.ok(table.numRows() > 0 && table.numRows() < patients.length);
  });
});
