import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {ciOf, levelInputs} from "../../../src/components/tables/levelInputs.js";

const rows = Object.freeze([
  {patientId: "a", cohort: "X", label: "PR" as const, probabilities: [0.2, 0.6, 0.1, 0.1] as const, patchId: "a0"},
  {patientId: "b", cohort: "X", label: "SD" as const, probabilities: [0.1, 0.1, 0.7, 0.1] as const, patchId: "b0"},
  {patientId: "a", cohort: "X", label: "PR" as const, probabilities: [0.4, 0.4, 0.1, 0.1] as const, patchId: "a1"},
]);

describe("levelInputs(rows, level)", () => {
  it("patch level: one item per row with the patient as cluster", () => {
    const p = levelInputs(rows, "patch");
    assert.deepEqual(
      [p.truth, p.clusters, p.ids],
      [
        [1, 2, 1],
        ["a", "b", "a"],
        ["a0", "b0", "a1"],
      ],
    );
  });
  it("patient level: the mean of the patient's patch vectors, first-seen order, no clusters", () => {
    const p = levelInputs(rows, "patient");
    assert.deepEqual(p.ids, ["a", "b"]);
    assert.deepEqual(p.truth, [1, 2]);
    assert.ok(p.probabilities[0]?.every((v, i) => Math.abs(v - ([0.3, 0.5, 0.1, 0.1][i] as number)) < 1e-12));
    assert.equal(p.clusters, null);
  });
  it("patient level follows the build's aggregation: max of each class, divided by the sum (by hand)", () => {
    const p = levelInputs(rows, "patient", "max");
    // patient a: maxima 0.4, 0.6, 0.1, 0.1 → sum 1.2
    assert.ok(p.probabilities[0]?.every((v, i) => Math.abs(v - ([0.4, 0.6, 0.1, 0.1][i] as number) / 1.2) < 1e-12));
  });
});

describe("ciOf(summary, method)", () => {
  const s = {
    auc: 0.7,
    ciDeLong: [0.5, 0.9],
    ciBootstrap: [0.55, 0.85],
    roc: [],
    youden: null,
    nCases: 1,
    nControls: 1,
  } as const;
  it("picks the DeLong, cluster or naive interval; naive falls back to the only bootstrap at patient level", () => {
    const summary = {
      ...s,
      ciDeLong: [0.5, 0.9] as [number, number],
      ciBootstrap: [0.55, 0.85] as [number, number],
      roc: [],
    };
    assert.deepEqual(ciOf(summary, "delong"), [0.5, 0.9]);
    assert.deepEqual(ciOf(summary, "cluster"), [0.55, 0.85]);
    assert.deepEqual(ciOf(summary, "naive"), [0.55, 0.85]);
    assert.deepEqual(ciOf({...summary, ciBootstrapNaive: [0.6, 0.8]}, "naive"), [0.6, 0.8]);
    // Obuchowski: its own interval at patch level, DeLong's at patient level (one patient per cluster: equal).
    assert.deepEqual(ciOf({...summary, ciObuchowski: [0.45, 0.95]}, "obuchowski"), [0.45, 0.95]);
    assert.deepEqual(ciOf(summary, "obuchowski"), [0.5, 0.9]);
  });
});
