import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {explorePatients} from "../../../src/components/explore/explorePatients.js";
import {
  describeColumns,
  filterPatients,
  levelsCodec,
  openFilter,
  rangeCodec,
} from "../../../src/components/explore/patientFilter.js";
import {exploreFixture} from "./exploreFixture.js";

describe("patient filters", () => {
  const {predictions, cohorts} = exploreFixture();
  const patients = explorePatients(predictions, cohorts, {protocol: "paper"});
  const columns = describeColumns(patients, ["cohort", "label", "patches", "age", "sex", "tumour_number", "afp"]);
  const column = (key: string) => columns.find((c) => c.key === key) as (typeof columns)[number];

  it("describes numbers with many values as ranges, and few values or text as categories with 'missing' last", () => {
    assert.equal(column("age").kind, "number");
    assert.deepEqual(column("age").extent, [
      Math.min(...patients.map((p) => p.age as number)),
      Math.max(...patients.map((p) => p.age as number)),
    ]);
    assert.deepEqual(column("tumour_number"), {
      key: "tumour_number",
      label: column("tumour_number").label,
      kind: "category",
      levels: ["1", "2", "3"],
      extent: null,
      missing: 0,
    });
    assert.deepEqual(column("sex").levels, ["F", "M"]);
    assert.equal(column("afp").kind, "number");
    assert.ok(column("afp").missing > 0);
    assert.deepEqual(column("patches").levels, ["2", "3"]);
    assert.equal(column("label").label, "mRECIST response");
  });

  it("keeps the patients of the chosen levels and range; a narrowed range drops patients with no value", () => {
    const kept = filterPatients(patients, columns, {
      cohort: {levels: ["EXT"]},
      tumour_number: {levels: ["1", "3"]},
      age: {min: 50, max: 65},
    });
    const expected = patients.filter(
      (p) => p.cohort === "EXT" && p.tumour_number !== 2 && (p.age as number) >= 50 && (p.age as number) <= 65,
    );
    assert.deepEqual(kept, expected);
    assert.ok(kept.length > 0);
    const afp = column("afp");
    const whole = filterPatients(patients, columns, {afp: openFilter(afp)});
    assert.equal(whole.length, patients.length);
    const narrowed = filterPatients(patients, columns, {afp: {min: afp.extent?.[0] ?? 0, max: 200}});
    assert.ok(narrowed.every((p) => typeof p.afp === "number" && p.afp <= 200));
  });

  it("the open filter of every column keeps everyone; a filter only ever removes patients (property)", () => {
    const open = Object.fromEntries(columns.map((c) => [c.key, openFilter(c)]));
    assert.equal(filterPatients(patients, columns, open).length, patients.length);
    fc.assert(
      fc.property(
        fc.integer({min: 40, max: 80}),
        fc.integer({min: 0, max: 40}),
        fc.subarray(["F", "M"]),
        (lo, w, sex) => {
          const kept = filterPatients(patients, columns, {age: {min: lo, max: lo + w}, sex: {levels: sex}});
          return kept.every((p) => patients.includes(p)) && kept.every((p) => sex.includes(p.sex as string));
        },
      ),
      {seed: 7},
    );
  });

  it("codecs: a range and a set of levels survive the URL, and text that is not one gives undefined", () => {
    assert.deepEqual(rangeCodec.decode(rangeCodec.encode([0.1 + 0.2, 1e21])), [0.1 + 0.2, 1e21]);
    for (const bad of ["", "1", "2_1", "a_b", "1_2_3", "Infinity_1", "0x1_2"])
      assert.equal(rangeCodec.decode(bad), undefined);
    const codec = levelsCodec(["1", "2", "3"]);
    assert.deepEqual(codec.decode(codec.encode(["1", "3"])), ["1", "3"]);
    assert.deepEqual(codec.decode('["3","9","1"]'), ["1", "3"]);
    for (const bad of ["", "[1]", "{}", "not json"]) assert.equal(codec.decode(bad), undefined);
  });
});
