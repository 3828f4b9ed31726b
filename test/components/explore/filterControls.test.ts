import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {describeFilter, filterFromControls, filterKey} from "../../../src/components/explore/filterControls.js";
import type {ColumnInfo} from "../../../src/components/explore/patientFilter.js";

const age: ColumnInfo = {key: "age", label: "Age", kind: "number", levels: [], extent: [30, 80], missing: 0};
const sex: ColumnInfo = {key: "sex", label: "Sex", kind: "category", levels: ["F", "M"], extent: null, missing: 0};

describe("filter controls' values", () => {
  it("become a PatientFilter: empty boxes stand for the extent's ends, a backwards range is put in order", () => {
    assert.deepEqual(filterFromControls([age, sex], {age: [Number.NaN, 60], sex: ["M"]}), {
      age: {min: 30, max: 60},
      sex: {levels: ["M"]},
    });
    assert.deepEqual(filterFromControls([age], {age: [70, 40]}), {age: {min: 40, max: 70}});
    assert.deepEqual(filterFromControls([age, sex], {}), {});
  });

  it("are described in words, only where they remove someone", () => {
    assert.equal(
      describeFilter([age, sex], {age: {min: 30, max: 80}, sex: {levels: ["F", "M"]}}),
      "no filter: every analysed patient",
    );
    assert.equal(describeFilter([age, sex], {age: {min: 50, max: 70}, sex: {levels: []}}), "Age 50–70; Sex: none");
    assert.equal(filterKey(age), "f.age");
  });
});
