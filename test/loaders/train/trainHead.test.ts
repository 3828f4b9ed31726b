import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {classWeights, epochVisits} from "../../../loaders/train/epochSchedule.js";
import {fitStandardizer} from "../../../loaders/train/fitStandardizer.js";
import {type LabelledEmbeddings, type TrainOptions, trainHead} from "../../../loaders/train/trainHead.js";
import {createRng} from "../../../src/components/stats/random.js";
import type {Variant} from "../../../src/components/study/vocabulary.js";
import {separableEmbeddings} from "./separableEmbeddings.js";

/** Separable synthetic embeddings, named as a training or validation set. */
const synthetic = (name: string, counts: number[], seed: number, variants?: Variant[]): LabelledEmbeddings => ({
  name,
  ...separableEmbeddings(counts, seed, variants),
});

// A slice of the paper's configuration, as runModel passes it.
const paper: TrainOptions = {
  model: {
    head: "sigmoid",
    loss: "binaryCrossentropy",
    priorCorrection: "none",
    optimizer: "sgd",
    learningRate: 1e-4,
    momentum: 0.9,
    batchSize: 64,
    epochs: 1,
  },
  augmentation: {balancing: "oversample", variants: ["identity", "flipH"]},
  seeds: {training: 1, augmentation: 1},
  standardize: false,
};

/** `paper` with some model keys changed. */
function withModel(model: Partial<TrainOptions["model"]>, base: TrainOptions = paper): TrainOptions {
  return {...base, model: {...base.model, ...model}};
}

describe("epochVisits / classWeights", () => {
  it("oversample draws every class up to the largest class's count, each patch at least once", () => {
    const labels = Int32Array.from([0, 0, 0, 0, 0, 1, 1, 2, 3, 3, 3]);
    const visits = epochVisits(labels, 4, ["identity", "rot90"], "oversample", createRng(3));
    assert.equal(visits.length, 20);
    for (let c = 0; c < 4; c++) assert.equal(visits.filter((v) => labels[v.index] === c).length, 5);
    for (let i = 0; i < labels.length; i++) assert.ok(visits.some((v) => v.index === i));
    assert.ok(visits.every((v) => v.variant === "identity" || v.variant === "rot90"));
  });

  it("classWeights and none visit every patch in every variant once", () => {
    const labels = Int32Array.from([0, 1, 1]);
    assert.equal(epochVisits(labels, 4, ["identity", "flipH", "flipV"], "classWeights", createRng(1)).length, 9);
  });

  it("classWeights are N / (K·n_c) over present classes, 0 for absent ones", () => {
    assert.deepEqual([...classWeights(Int32Array.from([0, 0, 0, 1]), 4)], [4 / 6, 2, 0, 0]);
  });

  it("fitStandardizer gives per-feature mean and sample sd; constant features keep scale 1", () => {
    const x = new Float32Array([1, 5, 3, 5]);
    const s = fitStandardizer([x], 2);
    assert.deepEqual([...s.mean], [2, 5]);
    assert.ok(Math.abs(s.scale[0]! - Math.SQRT2) < 1e-12);
    assert.equal(s.scale[1], 1);
  });
});

describe("trainHead", () => {
  const train = synthetic("T", [30, 10, 20, 12], 1);
  const valid = synthetic("V", [5, 5, 5, 5], 2, ["identity"]);

  it("one epoch of the paper's SGD lowers the training loss (sigmoid and softmax heads)", () => {
    for (const options of [
      withModel({learningRate: 1e-3}),
      {
        ...withModel({head: "softmax", loss: "categoricalCrossentropy", learningRate: 1e-3}),
        augmentation: {...paper.augmentation, balancing: "classWeights"},
      } satisfies TrainOptions,
    ]) {
      const {curves} = trainHead(train, [valid], options);
      const at = (e: number) => curves.find((c) => c.epoch === e && c.cohort === "T")!.loss;
      assert.ok(at(1) < at(0), `${options.model.head}: ${at(1)} < ${at(0)}`);
    }
  });

  it("records loss and accuracy per epoch for the training cohort and every validation cohort, from epoch 0", () => {
    const {curves} = trainHead(train, [valid], withModel({epochs: 3}));
    assert.deepEqual(
      curves.map((c) => `${c.epoch}:${c.cohort}`),
      ["0:T", "0:V", "1:T", "1:V", "2:T", "2:V", "3:T", "3:V"],
    );
    assert.ok(curves.every((c) => c.accuracy >= 0 && c.accuracy <= 1 && c.loss > 0));
  });

  it("the same seeds and data give bit-identical heads; another seed gives another head", () => {
    const a = trainHead(train, [valid], withModel({epochs: 2}));
    const b = trainHead(train, [valid], withModel({epochs: 2}));
    const c = trainHead(train, [valid], {...withModel({epochs: 2}), seeds: {...paper.seeds, training: 2}});
    assert.deepEqual(a.head.weights, b.head.weights);
    assert.deepEqual(a.curves, b.curves);
    assert.notDeepEqual(a.head.weights, c.head.weights);
  });

  it("learns separable data to full validation accuracy (softmax, adam); standardised, it fits the training set", () => {
    const softmax = withModel({
      head: "softmax",
      loss: "categoricalCrossentropy",
      optimizer: "adam",
      learningRate: 1e-3,
      epochs: 40,
    });
    const raw = trainHead(train, [valid], softmax).curves;
    assert.equal(raw.find((c) => c.epoch === 40 && c.cohort === "V")!.accuracy, 1);
    const standardized = trainHead(train, [valid], {...softmax, standardize: true});
    assert.equal(standardized.curves.find((c) => c.epoch === 40 && c.cohort === "T")!.accuracy, 1);
    assert.equal(standardized.head.standardize?.mean.length, 2048);
  });

  describe("schedule (MATLAB R2018a's trainNetwork, for the ablation ladder)", () => {
    // T oversampled is 4 × 30 = 120 visits an epoch: batches of 64 and 56.
    const softmax = withModel({head: "softmax", loss: "categoricalCrossentropy", learningRate: 1e-3});

    it("by default an epoch ends with its partial batch (2 steps an epoch); dropPartialBatch skips it", () => {
      assert.equal(trainHead(train, [], withModel({epochs: 3})).steps, 6);
      const sizes: number[] = [];
      const run = trainHead(train, [], {
        ...withModel({epochs: 3}),
        schedule: {dropPartialBatch: true},
        onStep: (_, __, batch) => sizes.push(batch.length),
      });
      assert.equal(run.steps, 3);
      assert.deepEqual(sizes, [64, 64, 64]);
      assert.throws(
        () => trainHead(train, [], {...withModel({batchSize: 200}), schedule: {dropPartialBatch: true}}),
        /holds no full mini-batch of 200/,
      );
    });

    it("steps replaces epochs: training stops after exactly that many steps, mid-epoch if need be", () => {
      const seen: number[] = [];
      const run = trainHead(train, [valid], {
        ...withModel({epochs: 54}),
        schedule: {steps: 5},
        onStep: (step) => seen.push(step),
      });
      assert.equal(run.steps, 5);
      assert.deepEqual(seen, [1, 2, 3, 4, 5]);
      // Epochs 1, 2 and the cut third are recorded.
      assert.deepEqual([...new Set(run.curves.map((c) => c.epoch))], [0, 1, 2, 3]);
      assert.throws(
        () => trainHead(train, [], {...paper, schedule: {steps: 0}}),
        /schedule.steps: expected an integer/,
      );
    });

    it("shuffle once walks the same visits in the same order every epoch; the default redraws them", () => {
      const order = (shuffle: "once" | "everyEpoch") => {
        const batches: string[] = [];
        trainHead(train, [], {
          ...withModel({epochs: 2, batchSize: 120}),
          schedule: {shuffle},
          recordCurves: false,
          onStep: (_, __, batch) => batches.push(batch.map((v) => `${v.index}/${v.variant}`).join(",")),
        });
        return batches;
      };
      const once = order("once");
      assert.equal(once.length, 2);
      assert.equal(once[0], once[1]);
      const every = order("everyEpoch");
      assert.notEqual(every[0], every[1]);
    });

    it("l2 adds λw to the weights' mean gradient and leaves the biases alone (one SGD step, no momentum)", () => {
      const one = withModel({momentum: 0, batchSize: 120, epochs: 1}, softmax);
      const lambda = 0.5;
      const start = trainHead(train, [], {...one, model: {...one.model, learningRate: 0}}).head;
      const plain = trainHead(train, [], one).head;
      const ridge = trainHead(train, [], {...one, schedule: {l2: lambda}}).head;
      for (let p = 0; p < plain.weights.length; p += 97) {
        const expected = plain.weights[p]! - one.model.learningRate * lambda * start.weights[p]!;
        assert.ok(Math.abs(ridge.weights[p]! - expected) < 1e-15, `weight ${p}`);
      }
      assert.deepEqual(ridge.bias, plain.bias);
      assert.throws(() => trainHead(train, [], {...one, schedule: {l2: -1}}), /schedule.l2: expected/);
    });

    it("init narrowNormal starts from N(0, 0.01²) weights instead of Glorot-uniform", () => {
      const zero = {...softmax, model: {...softmax.model, learningRate: 0}};
      const narrow = trainHead(train, [], {...zero, schedule: {init: "narrowNormal"}}).head.weights;
      const glorot = trainHead(train, [], zero).head.weights;
      const sd = (w: Float64Array) => Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
      assert.ok(Math.abs(sd(narrow) - 0.01) < 0.0005, `sd ${sd(narrow)}`);
      assert.ok(Math.abs(sd(glorot) - Math.sqrt(6 / 2052) / Math.sqrt(3)) < 0.002, `sd ${sd(glorot)}`);
    });

    it("no schedule is the same training as an empty one (the defaults are ours)", () => {
      const a = trainHead(train, [valid], withModel({epochs: 2}));
      const b = trainHead(train, [valid], {...withModel({epochs: 2}), schedule: {}});
      assert.deepEqual(a.head.weights, b.head.weights);
    });
  });

  it("rejects a loss that does not match the head", () => {
    assert.throws(
      () => trainHead(train, [], withModel({loss: "categoricalCrossentropy"})),
      /expected binaryCrossentropy with a sigmoid head/,
    );
  });
});
