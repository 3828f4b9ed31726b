import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {ablationRungs, MatlabR2018a, matlabSteps, RungIds} from "../../../loaders/ablation/ablationRungs.js";
import {paperDefaults} from "../../../loaders/config/protocolDefaults.js";

describe("ablationRungs", () => {
  const paper = paperDefaults();

  it("matlabSteps reproduces the paper's 1,401 iterations within one epoch's worth for ~1,690 patches", () => {
    assert.equal(matlabSteps(54, 1690, 64), 54 * 26);
    assert.ok(Math.abs(matlabSteps(54, 1690, 64) - 1401) < 26);
    assert.equal(matlabSteps(54, 30, 64), 54, "at least one step an epoch");
  });

  it("four rungs, each changing one kind of thing from the previous", () => {
    const rungs = ablationRungs(paper, 300, 500);
    assert.deepEqual(
      rungs.map((r) => r.id),
      [...RungIds],
    );
    const [r1, r2, r3, r4] = rungs.map((r) => r.options(0));
    // 1: the paper's prose, our training defaults.
    assert.equal(r1!.model.head, "sigmoid");
    assert.equal(r1!.model.loss, "binaryCrossentropy");
    assert.equal(r1!.augmentation.balancing, "oversample");
    assert.equal(r1!.model.epochs, 54);
    assert.deepEqual(r1!.schedule ?? {}, {});
    // 2: softmax + CE, MATLAB's step budget and defaults; balancing unchanged.
    assert.equal(r2!.model.head, "softmax");
    assert.equal(r2!.model.loss, "categoricalCrossentropy");
    assert.equal(r2!.augmentation.balancing, "oversample");
    assert.deepEqual(r2!.schedule, {...MatlabR2018a, steps: 54 * 4});
    // 3: only the balancing changes.
    assert.deepEqual({...r3, augmentation: r2!.augmentation}, r2);
    assert.equal(r3!.augmentation.balancing, "classWeights");
    // 4: only the budget changes.
    assert.deepEqual({...r4, schedule: r3!.schedule}, r3);
    assert.equal(r4!.schedule?.steps, 500);
    // Every rung keeps the paper's optimiser settings.
    for (const r of [r1, r2, r3, r4]) {
      assert.equal(r!.model.learningRate, paper.model.learningRate);
      assert.equal(r!.model.batchSize, paper.model.batchSize);
      assert.equal(r!.model.momentum, paper.model.momentum);
    }
  });

  it("seed index k trains with seeds.training + k and seeds.augmentation + k", () => {
    const r = ablationRungs({...paper, seeds: {...paper.seeds, training: 10, augmentation: 20}}, 300, null)[0]!;
    assert.deepEqual(r.options(3).seeds, {training: 13, augmentation: 23});
  });
});
