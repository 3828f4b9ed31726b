import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {normalizeStudyConfig} from "../../../loaders/config/normalizeStudyConfig.js";
import {evaluationOptions} from "../../../loaders/pipeline/evaluationOptions.js";
import {evaluatePredictions, type PredictionRow} from "../../../src/components/stats/evaluatePredictions.js";

// Two patches per patient with different vectors, so mean, median and max patient vectors differ.
const rows: PredictionRow[] = Array.from({length: 24}, (_, i) => {
  const patient = Math.floor(i / 2);
  const label = (["CR", "PR", "SD", "PD"] as const)[patient % 4] as PredictionRow["label"];
  const a = ((i * 37) % 10) / 20 + 0.05;
  const b = ((i * 53) % 10) / 40 + 0.05;
  const rest = (1 - a - b) / 2;
  return {patientId: `p${patient}`, cohort: "X", label, probabilities: [a, b, rest, rest], patchId: `p${patient}-${i}`};
});

describe("evaluationOptions(config)", () => {
  it("passes the bootstrap, seed, CI level, calibration bins, aggregation and the decision-curve grid", () => {
    const config = normalizeStudyConfig({
      evaluation: {calibrationBins: 5, aggregation: "max", decisionCurve: {from: 0.1, to: 0.5, step: 0.1}},
      seeds: {bootstrap: 9},
    });
    assert.deepEqual(evaluationOptions(config), {
      bootstrap: 1000,
      seed: 9,
      ciLevel: 0.95,
      calibrationBins: 5,
      aggregation: "max",
      thresholds: [0.1, 0.2, 0.3, 0.4, 0.5],
    });
  });
  it("each of them changes metrics.json", () => {
    const at = (spec: object) =>
      evaluatePredictions(rows, {...evaluationOptions(normalizeStudyConfig(spec)), bootstrap: 0});
    const base = at({});
    const bins = at({evaluation: {calibrationBins: 3}});
    assert.notDeepEqual(
      bins.cohorts.X?.patient.objectiveResponse.calibration.bins,
      base.cohorts.X?.patient.objectiveResponse.calibration.bins,
    );
    const median = at({evaluation: {aggregation: "max"}});
    assert.notDeepEqual(median.cohorts.X?.patient.objectiveResponse.auc, undefined);
    assert.notDeepEqual(median.cohorts.X?.patient.objectiveResponse.roc, base.cohorts.X?.patient.objectiveResponse.roc);
    const grid = at({evaluation: {decisionCurve: {from: 0.2, to: 0.4, step: 0.1}}});
    assert.deepEqual(
      grid.cohorts.X?.patient.objectiveResponse.decisionCurve.map((p) => p.threshold),
      [0.2, 0.3, 0.4],
    );
    assert.deepEqual(grid.options.thresholds, [0.2, 0.3, 0.4]);
  });
});
