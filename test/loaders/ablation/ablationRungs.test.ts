import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {
  ablationRungs,
  CorrectedRung,
  MatlabR2018a,
  matlabSteps,
  RungIds,
  recipeDiff,
  recipeHash,
  recipeOf,
} from "../../../loaders/ablation/ablationRungs.js";
import {paperDefaults, switchProtocol} from "../../../loaders/config/protocolDefaults.js";

describe("ablationRungs", () => {
  const paper = paperDefaults();
  const corrected = switchProtocol(paper, "corrected");

  it("matlabSteps reproduces the paper's 1,401 iterations within one epoch's worth for ~1,690 patches", () => {
    assert.equal(matlabSteps(54, 1690, 64), 54 * 26);
    assert.ok(Math.abs(matlabSteps(54, 1690, 64) - 1401) < 26);
    assert.equal(matlabSteps(54, 30, 64), 54, "at least one step an epoch");
  });

  it("every rung but the first changes exactly one leaf (or one coupled group) from its parent", () => {
    const rungs = ablationRungs(paper, corrected, 300, 500);
    assert.deepEqual(
      rungs.map((r) => r.id),
      [...RungIds],
    );
    assert.equal(rungs[0]!.parent, null);
    for (const rung of rungs.slice(1)) {
      const parent = rungs.find((r) => r.id === rung.parent);
      assert.ok(parent, `${rung.id}'s parent ${rung.parent} is a rung`);
      const diff = recipeDiff(parent.recipe, rung.recipe);
      assert.equal(diff.length, 1, `${rung.id}: ${JSON.stringify(diff)}`);
    }
    const byId = new Map(rungs.map((r) => [r.id, r]));
    const diffOf = (id: string) => {
      const r = byId.get(id as (typeof RungIds)[number])!;
      return recipeDiff(byId.get(r.parent!)!.recipe, r.recipe)[0];
    };
    assert.deepEqual(diffOf("softmax-head"), {
      path: ["model.head", "model.loss"],
      from: ["sigmoid", "binaryCrossentropy"],
      to: ["softmax", "categoricalCrossentropy"],
    });
    assert.deepEqual(diffOf("class-weights"), {path: "augmentation.balancing", from: "oversample", to: "classWeights"});
    assert.deepEqual(diffOf("prior-correction"), {
      path: "model.priorCorrection",
      from: "none",
      to: "trainingPrevalence",
    });
    assert.deepEqual(diffOf("matlab-init"), {path: "trainer.init", from: "glorotUniform", to: MatlabR2018a.init});
    assert.deepEqual(diffOf("matlab-l2"), {path: "trainer.l2", from: 0, to: MatlabR2018a.l2});
    assert.deepEqual(diffOf("paper-in-matlab"), {path: "trainer.steps", from: null, to: 54 * 4});
    assert.deepEqual(diffOf("cv-budget"), {path: "trainer.steps", from: 54 * 4, to: 500});
  });

  it("the paper-to-corrected branch starts at the paper protocol's recipe and ends at the corrected one's", () => {
    const rungs = ablationRungs(paper, corrected, 300, null);
    assert.equal(recipeHash(rungs[0]!.recipe), recipeHash(recipeOf(paper)));
    const last = rungs.filter((r) => r.branch === "paper-to-corrected").at(-1)!;
    assert.equal(last.id, CorrectedRung);
    assert.equal(rungs.at(-1), last, "the ladder's last rung is the corrected protocol's model");
    assert.equal(recipeHash(last.recipe), recipeHash(recipeOf(corrected)));
    assert.notEqual(recipeHash(recipeOf(paper)), recipeHash(recipeOf(corrected)));
    // A user's other settings travel along: a study with 30 epochs still ends at its own corrected recipe.
    const custom = {...paper, model: {...paper.model, epochs: 30}};
    const customRungs = ablationRungs(custom, switchProtocol(custom, "corrected"), 300, null);
    assert.equal(
      recipeHash(customRungs.find((r) => r.id === CorrectedRung)!.recipe),
      recipeHash(recipeOf(switchProtocol(custom, "corrected"))),
    );
  });

  it("trains the main branch exactly as the model stage does: our trainer's defaults, seed k = seeds + k", () => {
    const rungs = ablationRungs(paper, corrected, 300, 500);
    const last = rungs.find((r) => r.id === CorrectedRung)!.options(0);
    assert.deepEqual(last.model, corrected.model);
    assert.equal(last.augmentation.balancing, "classWeights");
    assert.deepEqual(last.seeds, {training: paper.seeds.training, augmentation: paper.seeds.augmentation});
    assert.deepEqual(last.schedule, {l2: 0, init: "glorotUniform", shuffle: "everyEpoch", dropPartialBatch: false});
    const r = ablationRungs(
      {...paper, seeds: {...paper.seeds, training: 10, augmentation: 20}},
      corrected,
      300,
      null,
    )[0]!;
    assert.deepEqual(r.options(3).seeds, {training: 13, augmentation: 23});
    for (const rung of rungs) {
      const o = rung.options(0);
      assert.equal(o.model.learningRate, paper.model.learningRate);
      assert.equal(o.model.batchSize, paper.model.batchSize);
      assert.equal(o.model.momentum, paper.model.momentum);
    }
  });
});
