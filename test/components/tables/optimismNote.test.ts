import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {OptimismArtifact, OptimismProtocol} from "../../../src/components/optimism/optimismArtifact.js";
import {optimismMethod} from "../../../src/components/optimism/optimismArtifact.js";
import {ValidationMetricKeys} from "../../../src/components/stats/validationMetrics.js";
import {optimismNote} from "../../../src/components/tables/optimismNote.js";

const estimate = (apparent: number, optimism: number) => ({
  apparent,
  optimism,
  optimismSe: 0.01,
  corrected: apparent - optimism,
  replicates: 3,
});
const artifact: OptimismArtifact = {
  trainingCohort: "NFH",
  replicates: 3,
  seed: 42,
  aggregation: "mean",
  method: optimismMethod(3, 42, "NFH"),
  protocols: {
    corrected: {
      runId: "r1",
      patients: 100,
      seconds: 10,
      calibration: null,
      metrics: {
        objectiveResponseAuc: estimate(0.98, 0.02),
        accuracy: estimate(0.87, 0.09),
        CR: estimate(1, 0.002),
        PR: estimate(0.96, 0.04),
        SD: estimate(0.96, 0.06),
        PD: estimate(0.99, 0.02),
        ...Object.fromEntries(ValidationMetricKeys.map((k) => [k, estimate(0.5, 0.01)])),
      } as OptimismProtocol["metrics"],
    },
  },
  errors: {paper: "training cohort NFH has no patches"},
};

describe("optimismNote", () => {
  it("is null for a held-out cohort", () => {
    assert.equal(optimismNote(artifact, "corrected", "SYUCC", "patient", ["accuracy"]), null);
  });
  it("states in-sample → corrected with the optimism and SE, the method, B and seed, for the training cohort", () => {
    const note = optimismNote(artifact, "corrected", "NFH", "patient", ["objectiveResponseAuc", "accuracy"]) as string;
    assert.match(note, /objective-response AUC 0\.980 in-sample → 0\.960 corrected \(optimism 0\.020 ± 0\.010\)/);
    assert.match(note, /accuracy 87\.0% in-sample → 78\.0% corrected \(optimism 9\.0% ± 1\.0%\)/);
    assert.match(note, /Harrell's bootstrap optimism/);
    assert.match(note, /3 bootstrap samples of NFH's patients \(seed 42\)/);
    assert.match(note, /100 patients/);
    assert.doesNotMatch(note, /AUC CR/);
    assert.doesNotMatch(note, /whatever the level/);
    assert.match(
      optimismNote(artifact, "corrected", "NFH", "patch", ["CR"]) as string,
      /patient level, whatever the level/,
    );
  });
  it("says why when a protocol's refits failed or the stage is off", () => {
    assert.match(
      optimismNote(artifact, "paper", "NFH", "patient", ["accuracy"]) as string,
      /refits failed \(training cohort NFH has no patches\)/,
    );
    const off = {...artifact, protocols: {}, emptyReason: "The optimism correction is off (optimism.replicates is 0)."};
    assert.match(optimismNote(off, "corrected", "NFH", "patient", ["accuracy"]) as string, /is off/);
  });
});
