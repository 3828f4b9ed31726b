import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {applyDesign, learnDesign, type PredictorSpec} from "../../../src/components/stats/designMatrix.js";

const specs: PredictorSpec[] = [
  {name: "afp", type: "number"},
  {name: "child_pugh", type: "category", levels: ["A", "B", "C"]},
];

describe("learnDesign / applyDesign", () => {
  it("one-hot columns after the reference level, named like R's model.matrix", () => {
    const enc = learnDesign(
      [
        {afp: 1, child_pugh: "A"},
        {afp: 2, child_pugh: "C"},
      ],
      specs,
    );
    assert.deepEqual(enc.columns, ["afp", "child_pughB", "child_pughC"]);
    assert.deepEqual(applyDesign(enc, [{afp: 5, child_pugh: "C"}]).rows, [[5, 0, 1]]);
  });
  it("imputes the TRAINING median and mode, counting per variable and per record", () => {
    const train = [
      {afp: 1, child_pugh: "B"},
      {afp: 10, child_pugh: "B"},
      {afp: 4, child_pugh: "A"},
      {afp: null, child_pugh: ""},
    ];
    const enc = learnDesign(train, specs);
    assert.equal(enc.imputation.afp, 4);
    assert.equal(enc.imputation.child_pugh, "B");
    assert.deepEqual(enc.training.missing, {afp: 1, child_pugh: 1});
    // a test cohort with very different values does not move the imputation
    const d = applyDesign(enc, [
      {afp: 1000, child_pugh: undefined},
      {afp: Number.NaN, child_pugh: "C"},
      {afp: 3, child_pugh: "A"},
    ]);
    assert.deepEqual(d.rows, [
      [1000, 1, 0],
      [4, 0, 1],
      [3, 0, 0],
    ]);
    assert.deepEqual(d.imputed, {afp: 1, child_pugh: 1});
    assert.equal(d.recordsImputed, 2);
  });
  it("standardises numbers by the training mean and SD", () => {
    const enc = learnDesign(
      [
        {afp: 1, child_pugh: "A"},
        {afp: 3, child_pugh: "B"},
      ],
      specs,
      {standardize: true},
    );
    assert.deepEqual(enc.scaling.afp, {mean: 2, sd: Math.SQRT2});
    const [row] = applyDesign(enc, [{afp: 2 + 3 * Math.SQRT2, child_pugh: "A"}]).rows;
    assert.ok(Math.abs((row?.[0] as number) - 3) < 1e-14);
  });
  it("numeric strings are read as numbers; a mode tie goes to the earlier level", () => {
    const enc = learnDesign(
      [
        {afp: "2.5", child_pugh: "C"},
        {afp: " 3 ", child_pugh: "A"},
      ],
      specs,
    );
    assert.equal(enc.imputation.afp, 2.75);
    assert.equal(enc.imputation.child_pugh, "A");
  });
  it("bad input names the patient: unknown level, non-numeric number, all missing, duplicate name", () => {
    const enc = learnDesign([{afp: 1, child_pugh: "A"}], specs);
    assert.throws(
      () =>
        applyDesign(
          enc,
          [
            {afp: 1, child_pugh: "A"},
            {afp: 1, child_pugh: "D"},
          ],
          ["P1", "P2"],
        ),
      /patient P2 \(record 2\): child_pugh is "D", expected one of A, B, C/,
    );
    assert.throws(() => applyDesign(enc, [{afp: "high", child_pugh: "A"}]), /record 1: afp must be a number/);
    assert.throws(() => learnDesign([{afp: null, child_pugh: "A"}], specs), /afp is missing for every training record/);
    assert.throws(
      () => learnDesign([{afp: 1}], [specs[0] as PredictorSpec, specs[0] as PredictorSpec]),
      /declared twice/,
    );
  });
  it("every encoded row has one column per encoder column and no missing value (property)", () => {
    const value = fc.oneof(fc.constant(null), fc.constant(""), fc.double({min: -1e3, max: 1e3, noNaN: true}));
    const level = fc.oneof(fc.constant(null), fc.constantFrom("A", "B", "C"));
    const rec = fc.record({afp: value, child_pugh: level});
    fc.assert(
      fc.property(fc.array(rec, {minLength: 1, maxLength: 30}), fc.array(rec, {maxLength: 30}), (train, test) => {
        if (!train.some((r) => r.afp !== null && r.afp !== "") || !train.some((r) => r.child_pugh !== null)) return;
        const enc = learnDesign(train, specs);
        const d = applyDesign(enc, test);
        for (const row of d.rows) {
          assert.equal(row.length, enc.columns.length);
          assert.ok(row.every(Number.isFinite));
          assert.ok((row[1] as number) + (row[2] as number) <= 1);
        }
        const missing = test.filter((r) => r.afp === null || r.afp === "" || r.child_pugh === null).length;
        assert.equal(d.recordsImputed, missing);
      }),
      {seed: 14, numRuns: 100},
    );
  });
});
