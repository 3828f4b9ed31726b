import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {nominalCalibration} from "../../../src/components/stats/nominalCalibration.js";
import {createRng} from "../../../src/components/stats/random.js";
import {nominalCalibrationRows} from "../../../src/components/tables/nominalCalibrationTable.js";

const classes = ["CR", "PR", "SD", "PD"];

describe("nominalCalibrationRows", () => {
  const rng = createRng(5);
  const y = Array.from({length: 80}, (_, i) => i % 4);
  const p = y.map((k) => {
    const e = [0, 1, 2, 3].map((c) => Math.exp((c === k ? 1 : 0) + rng.normal()));
    const t = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / t);
  });
  const nominal = nominalCalibration(y, p, {reference: 2, ciLevel: 0.95});

  it("one row per equation against the reference, the overall test on the cohort's first row", () => {
    const rows = nominalCalibrationRows([{cohort: "A", patients: 80, nominal}], classes);
    assert.deepEqual(
      rows.map((r) => r.equation),
      ["CR vs SD", "PR vs SD", "PD vs SD"],
    );
    assert.equal(rows[0]!.slope, nominal.slopes[0]!.estimate);
    assert.match(String(rows[0]!.overall), /^χ² \d+\.\d\d on 12 df, p /);
    assert.equal(rows[1]!.overall, "");
  });

  it("a cohort without a fit keeps one row that says why", () => {
    const rows = nominalCalibrationRows(
      [{cohort: "B", patients: 5, nominalNote: "no patient with class 0 in this cohort"}],
      classes,
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.slope, null);
    assert.match(JSON.stringify(rows[0]!.slopeNotes), /no patient with class 0/);
  });
});
