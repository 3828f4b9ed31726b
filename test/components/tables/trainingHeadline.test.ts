import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {TrainingCurve} from "../../../src/components/specs/trainingSpec.js";
import {trainingHeadline} from "../../../src/components/tables/trainingHeadline.js";

const curve = (protocol: string, cohort: string, epoch: number, accuracy: number, seed = 1) =>
  ({protocol, cohort, epoch, accuracy, loss: 1, seed}) as unknown as TrainingCurve;

describe("trainingHeadline: the Training page's answer from training.json", () => {
  it("gives each protocol's accuracy per cohort at its last epoch, the mean over seeds", () => {
    const curves = [
      curve("corrected", "T", 1, 0.5),
      curve("corrected", "T", 2, 0.8),
      curve("corrected", "T", 2, 0.6, 2),
      curve("corrected", "B", 2, 0.5),
      curve("paper", "T", 3, 0.9),
    ];
    assert.equal(
      trainingHeadline(curves),
      "Four-class accuracy at the last epoch, mean over seeds: corrected (epoch 2) T 70.0%, B 50.0%; paper (epoch 3) T 90.0%.",
    );
  });
  it("is empty without curves", () => {
    assert.equal(trainingHeadline([]), "");
  });
});
