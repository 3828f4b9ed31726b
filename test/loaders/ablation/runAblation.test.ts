import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {RungIds} from "../../../loaders/ablation/ablationRungs.js";
import {runAblation} from "../../../loaders/ablation/runAblation.js";
import {paperDefaults} from "../../../loaders/config/protocolDefaults.js";
import type {LabelledEmbeddings} from "../../../loaders/train/trainHead.js";
import {ladderCohort} from "./ladderFixture.js";

describe("runAblation", () => {
  const base = paperDefaults();
  const config = {
    ...base,
    model: {...base.model, batchSize: 16, learningRate: 1e-2, epochs: 3},
    augmentation: {...base.augmentation, variants: ["identity" as const, "flipH" as const]},
    evaluation: {...base.evaluation, bootstrapReplicates: 100},
    ablation: {...base.ablation, seeds: 2, folds: 2, budgetMultipliers: [0.5, 2]},
  };
  const t = ladderCohort("T", [8, 5, 6, 5], 1, ["identity", "flipH"]);
  const a = ladderCohort("A", [4, 4, 4, 4], 2, ["identity"], 0.5);
  const b = ladderCohort("B", [3, 5, 4, 4], 3, ["identity"], 0.5);
  const embedded = new Map<string, LabelledEmbeddings>([
    ["T", t.embedded],
    ["A", a.embedded],
    ["B", b.embedded],
  ]);
  const input = {config, training: "T", validation: ["A", "B"], cohorts: {T: t.set, A: a.set, B: b.set}, embedded};
  const logs: string[] = [];
  const run = runAblation(input, (m) => logs.push(m));

  it("runs the four model rungs with every seed, and compares each with the previous on every external cohort", () => {
    const {artifact} = run;
    assert.deepEqual(
      artifact.rungs.map((r) => r.id),
      [...RungIds],
    );
    for (const [i, rung] of artifact.rungs.entries()) {
      assert.deepEqual(rung.seeds, [1, 2]);
      assert.equal(rung.steps.length, 2);
      assert.equal(rung.cohorts.T!.inSample, true);
      assert.equal(rung.cohorts.A!.inSample, false);
      assert.equal(rung.cohorts.A!.patient.objectiveResponseAuc.perSeed.length, 2);
      if (i === 0) assert.equal(rung.vsPrevious, undefined);
      else {
        assert.deepEqual(Object.keys(rung.vsPrevious!), ["A", "B"]);
        assert.equal(rung.vsPrevious!.A!.patients, 16);
        assert.equal(rung.vsPrevious!.A!.netBenefit.length, config.ablation.netBenefitThresholds.length);
      }
    }
    // Rung 2 and 3 take MATLAB's budget: 3 epochs × floor(48 patches / 16).
    assert.deepEqual(artifact.rungs[1]!.steps, [9, 9]);
    assert.deepEqual(artifact.rungs[3]!.steps, [artifact.budget!.chosenSteps, artifact.budget!.chosenSteps]);
    assert.deepEqual(
      artifact.analysis.map((r) => r.id),
      ["patch-naive", "patch-cluster", "patient"],
    );
    assert.ok(logs.some((l) => l.includes("cross-validation in T chose")));
  });

  it("its predictions are each rung's seed average, for every cohort, and the comparison is reproducible from them", () => {
    assert.deepEqual(
      run.predictions.map((p) => p.rung),
      [...RungIds],
    );
    assert.equal(run.predictions[0]!.rows.length, 48 + 32 + 32);
    assert.deepEqual(runAblation(input, () => {}).artifact, run.artifact);
  });
});
