import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {kruskalWallis} from "../../../src/components/stats/kruskalWallis.js";
import {geometryByClass, patientGeometry} from "../../../src/components/stats/patchGeometryByClass.js";
import {ResponseLabels} from "../../../src/components/study/vocabulary.js";

describe("patchGeometryByClass", () => {
  it("averages a patient's patches so each patient counts once", () => {
    const patients = patientGeometry([
      {cohort: "A", patientId: "p1", label: "CR", sizeMm: 10, magnification: 20},
      {cohort: "A", patientId: "p1", label: "CR", sizeMm: 14, magnification: 16},
      {cohort: "B", patientId: "p1", label: "PD", sizeMm: 40, magnification: 4},
    ]);
    assert.deepEqual(patients, [
      {cohort: "A", label: "CR", sizeMm: 12, magnification: 18},
      {cohort: "B", label: "PD", sizeMm: 40, magnification: 4},
    ]);
  });

  it("summarises per cohort and class, and flags magnification that differs by class (Kruskal–Wallis)", () => {
    // Small (responding) tumours are enlarged more: CR 20×, PR 12×, SD 6×, PD 3×, a little spread within each class.
    const mags = {CR: 20, PR: 12, SD: 6, PD: 3} as const;
    const patients = ResponseLabels.flatMap((label) =>
      [0, 1, 2, 3].map((i) => ({cohort: "A", label, sizeMm: 224 / mags[label] / 1.4, magnification: mags[label] + i})),
    );
    const result = geometryByClass(patients);
    assert.equal(result.rows.length, 4);
    assert.deepEqual(result.rows[0], {
      cohort: "A",
      label: "CR",
      patients: 4,
      sizeMm: result.rows[0]!.sizeMm,
      magnification: {median: 21.5, q1: 20.75, q3: 22.25},
    });
    const expectedP = kruskalWallis(
      ResponseLabels.map((l) => patients.filter((p) => p.label === l).map((p) => p.magnification)),
    ).p;
    assert.equal(result.tests[0]!.magnificationP, expectedP);
    assert.ok(result.tests[0]!.confounded, `p = ${expectedP}`);
  });

  it("does not flag a magnification independent of class (property: the same values in every class)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({min: 1, max: 30, noNaN: true}), {minLength: 2, maxLength: 6}), (values) => {
        const patients = ResponseLabels.flatMap((label) =>
          values.map((m) => ({cohort: "A", label, sizeMm: 10, magnification: m})),
        );
        assert.equal(geometryByClass(patients).tests[0]!.confounded, false);
      }),
      {seed: 5},
    );
  });
});
