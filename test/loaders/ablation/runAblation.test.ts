import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {CorrectedRung, RungIds} from "../../../loaders/ablation/ablationRungs.js";
import {runAblation} from "../../../loaders/ablation/runAblation.js";
import {paperDefaults, switchProtocol} from "../../../loaders/config/protocolDefaults.js";
import {DefaultStandardizeFeatures} from "../../../loaders/train/runModel.js";
import {type LabelledEmbeddings, trainHead} from "../../../loaders/train/trainHead.js";
import {headProbabilities} from "../../../models/head.js";
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
  const input = {
    config,
    corrected: switchProtocol(config, "corrected"),
    correctedPredictions: null,
    training: "T",
    validation: ["A", "B"],
    cohorts: {T: t.set, A: a.set, B: b.set},
    embedded,
  };
  const logs: string[] = [];
  const run = runAblation(input, (m) => logs.push(m));

  it("runs every model rung with every seed, and compares each with its parent on every external cohort", () => {
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
      if (i === 0) {
        assert.equal(rung.vsParent, undefined);
        assert.deepEqual(rung.diff, []);
      } else {
        assert.equal(rung.diff.length, 1, `${rung.id} changes one thing`);
        assert.deepEqual(Object.keys(rung.vsParent!), ["A", "B"]);
        assert.equal(rung.vsParent!.A!.patients, 16);
        assert.equal(rung.vsParent!.A!.netBenefit.length, config.ablation.netBenefitThresholds.length);
        assert.equal(rung.vsParent!.A!.perSeedObjectiveResponse.length, 2, "a paired test per seed");
      }
    }
    const byId = new Map(artifact.rungs.map((r) => [r.id, r]));
    // paper-in-matlab takes MATLAB's budget: 3 epochs × floor(48 patches / 16); cv-budget the chosen one.
    assert.deepEqual(byId.get("paper-in-matlab")!.steps, [9, 9]);
    assert.deepEqual(byId.get("cv-budget")!.steps, [artifact.budget!.chosenSteps, artifact.budget!.chosenSteps]);
    assert.equal(byId.get(CorrectedRung)!.recipeHash, artifact.correctedRecipeHash);
    assert.equal(artifact.reproducesCorrected, null, "no corrected run to check against here");
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

  it("seed 1 of the corrected rung is the corrected protocol's model: the same predictions, bit for bit", () => {
    // The corrected run as the model stage trains it (runModel.ts: the configuration's own options, seed 0).
    const corrected = input.corrected;
    const {head} = trainHead(t.embedded, [], {
      model: corrected.model,
      augmentation: corrected.augmentation,
      seeds: corrected.seeds,
      standardize: DefaultStandardizeFeatures,
    });
    const own = new Map<string, number[]>();
    for (const [name, c] of Object.entries(input.cohorts)) {
      const probs = headProbabilities(head, embedded.get(name)!.x.get("identity")!, c.records.length);
      c.records.forEach((r, i) => {
        own.set(r.patchId, [...probs.subarray(i * 4, i * 4 + 4)]);
      });
    }
    const checked = runAblation({...input, correctedPredictions: own}, () => {}).artifact.reproducesCorrected;
    assert.deepEqual(checked, {patches: 48 + 32 + 32, maxAbsDifference: 0});
  });
});
