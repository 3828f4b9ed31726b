import {thresholdGrid} from "../../src/components/stats/decisionCurve.js";
import type {EvaluateOptions} from "../../src/components/stats/evaluatePredictions.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";

/**
 * The evaluation stage's options from the study configuration: every `evaluation` leaf that changes a number of
 * metrics.json reaches `evaluatePredictions` here (bootstrap count and seed, CI level, calibration bins, patch →
 * patient aggregation, the decision curve's threshold grid). `ciMethod` and `primaryLevel` choose what the pages
 * show first (protocol.json's config), not what is computed: every interval and both levels are always computed.
 */
export function evaluationOptions(config: StudyConfig): EvaluateOptions {
  const {evaluation} = config;
  const {from, to, step} = evaluation.decisionCurve;
  return {
    bootstrap: evaluation.bootstrapReplicates,
    seed: config.seeds.bootstrap,
    ciLevel: evaluation.ciLevel,
    calibrationBins: evaluation.calibrationBins,
    aggregation: evaluation.aggregation,
    thresholds: thresholdGrid(step, from, to),
  };
}
