import assert from "node:assert/strict";
import {describe, it} from "node:test";
import fc from "fast-check";
import {priorShift, undoPriorShift} from "../../../loaders/train/priorCorrection.js";
import {InputSize, type TrainOptions, trainHead} from "../../../loaders/train/trainHead.js";
import {headProbabilities} from "../../../models/head.js";
import type {Balancing, PriorCorrection} from "../../../src/components/study/vocabulary.js";

/**
 * An intercept-only multinomial model (every feature 0), whose weighted maximum-likelihood fit is known in closed
 * form: with class weights N / (K·n_c) (or oversampling to the largest class) every class has the same weighted count,
 * so the fit is the uniform distribution; the prior correction must then give exactly the training prevalence, which
 * is the unweighted maximum-likelihood fit (the sample proportions).
 */
const counts = [30, 10, 50, 10];
const labels = Int32Array.from(counts.flatMap((n, c) => Array.from({length: n}, () => c)));
const zeros = new Float32Array(labels.length * InputSize);

function fitted(balancing: Balancing, priorCorrection: PriorCorrection): number[] {
  const options: TrainOptions = {
    model: {
      head: "softmax",
      loss: "categoricalCrossentropy",
      priorCorrection,
      optimizer: "adam",
      learningRate: 0.05,
      momentum: 0.9,
      batchSize: labels.length,
      epochs: 400,
    },
    augmentation: {balancing, variants: ["identity"]},
    seeds: {training: 1, augmentation: 1},
    standardize: false,
    recordCurves: false,
  };
  const {head} = trainHead({name: "T", x: new Map([["identity", zeros]]), labels}, [], options);
  return [...headProbabilities(head, new Float32Array(InputSize), 1)];
}

const close = (actual: number[], expected: number[], tolerance: number) =>
  actual.every((v, i) => Math.abs(v - (expected[i] as number)) < tolerance);

describe("priorShift", () => {
  it("class weights fit the uniform prior; the correction restores the training prevalence", () => {
    const prevalence = counts.map((n) => n / labels.length);
    assert.ok(
      close(fitted("classWeights", "none"), [0.25, 0.25, 0.25, 0.25], 2e-3),
      String(fitted("classWeights", "none")),
    );
    const corrected = fitted("classWeights", "trainingPrevalence");
    assert.ok(close(corrected, prevalence, 2e-3), `${corrected} vs ${prevalence}`);
  });

  it("natural-prevalence training needs no correction, and 'none' asks for none", () => {
    assert.equal(priorShift(labels, 4, "none", "trainingPrevalence"), null);
    assert.equal(priorShift(labels, 4, "classWeights", "none"), null);
    assert.deepEqual(
      [...(priorShift(labels, 4, "oversample", "trainingPrevalence") ?? [])],
      counts.map((n) => Math.log(n / 100)),
    );
  });

  it("leaves a class absent from training at 0 and names a label out of range", () => {
    assert.deepEqual(
      [...(priorShift([0, 0, 1], 4, "classWeights", "trainingPrevalence") ?? [])],
      [Math.log(2 / 3), Math.log(1 / 3), 0, 0],
    );
    assert.throws(() => priorShift([0, 5], 4, "classWeights", "trainingPrevalence"), /label 5 at row 2/);
  });

  it("undoPriorShift inverts the shift of softmax probabilities (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({min: -4, max: 4, noNaN: true}), {minLength: 4, maxLength: 4}),
        fc.array(fc.double({min: -5, max: 0, noNaN: true}), {minLength: 4, maxLength: 4}),
        (logits, shift) => {
          const softmax = (z: number[]) => {
            const e = z.map((v) => Math.exp(v));
            const s = e.reduce((a, b) => a + b, 0);
            return e.map((v) => v / s);
          };
          const before = softmax(logits);
          const after = softmax(logits.map((z, c) => z + (shift[c] as number)));
          return close(undoPriorShift(after, shift), before, 1e-12);
        },
      ),
      {seed: 11, numRuns: 300},
    );
  });
});
