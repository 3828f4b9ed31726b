import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {AblationArtifact} from "../../../src/components/ablation/ablationArtifact.js";
import {ablationSpec} from "../../../src/components/specs/ablationSpec.js";
import {assertCompiles, assertPlainJson, matchSnapshot} from "./snapshot.js";

describe("ablationSpec", () => {
  it("one point per seed and one mean with its range per rung and external cohort, rungs in ladder order", () => {
    const s = (perSeed: Array<number | null>) => ({mean: 0.7, min: 0.6, max: 0.8, perSeed});
    const metrics = (auc: Array<number | null>) => ({
      inSample: false,
      patient: {objectiveResponseAuc: s(auc), accuracy: s([0.5]), macroAuc: s([0.5])},
    });
    const artifact = {
      externalCohorts: ["A"],
      trainingCohort: "T",
      rungs: [
        {id: "x", seeds: [1, 2], cohorts: {A: metrics([0.6, 0.8]), T: metrics([1, 1])}},
        {id: "y", seeds: [1, 2], cohorts: {A: metrics([0.7, null])}},
      ],
    } as unknown as AblationArtifact;
    assertPlainJson(ablationSpec(artifact));
    assertCompiles(ablationSpec(artifact));
    matchSnapshot("ablationSpec", ablationSpec(artifact));
    const spec = ablationSpec(artifact) as unknown as {
      data: {values: Array<{kind: string; rung: string; cohort: string}>};
    };
    const values = spec.data.values;
    assert.equal(values.filter((v) => v.kind === "seed").length, 3, "the null seed is left out");
    assert.deepEqual(
      values.filter((v) => v.kind === "mean").map((v) => v.rung),
      ["1. x", "2. y"],
    );
    assert.ok(
      values.every((v) => v.cohort === "A"),
      "the training cohort is not plotted",
    );
  });
});
