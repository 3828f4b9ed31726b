import type {BiasCorrectedCalibration} from "../stats/biasCorrectedCalibration.js";
import type {OptimismEstimate} from "../stats/optimism.js";
import {deriveSeed} from "../stats/random.js";
import type {ResponseMetricKey} from "../stats/responseMetrics.js";
import type {ValidationMetricKey} from "../stats/validationMetrics.js";
import type {Protocol} from "../study/vocabulary.js";

/**
 * data/optimism.json — Harrell's bootstrap optimism of each protocol's training-cohort (in-sample) metrics at patient
 * level (loaders/optimism/): the head refitted on `replicates` bootstrap samples of training patients; apparent is
 * the run's own in-sample value, corrected = apparent − optimism. Shown beside the in-sample numbers on the
 * Discrimination and Objective response pages.
 */
export interface OptimismProtocol {
  runId: string;
  patients: number;
  /** The discrimination metrics and the validation indexes of P(CR) + P(PR) (rms::validate's, ICI, E50, E90). */
  metrics: Record<ResponseMetricKey | ValidationMetricKey, OptimismEstimate>;
  /** rms::calibrate's apparent and bias-corrected calibration curves of P(CR) + P(PR); null with a note when not. */
  calibration: BiasCorrectedCalibration | null;
  calibrationNote?: string;
  seconds: number;
}

export interface OptimismArtifact {
  trainingCohort: string;
  replicates: number;
  seed: number;
  /** How patch probabilities become a patient's (evaluation.aggregation). */
  aggregation: string;
  /** One sentence naming the method, for the pages. */
  method: string;
  protocols: Partial<Record<Protocol, OptimismProtocol>>;
  /** Why a protocol has no estimate (its stage failed); the rest of the report still builds. */
  errors: Partial<Record<Protocol, string>>;
  /** Why there are no estimates at all (off, or a predictions-only report). */
  emptyReason?: string;
}

export function optimismMethod(replicates: number, seed: number, trainingCohort: string): string {
  return `Harrell's bootstrap optimism (Harrell, Lee & Mark 1996; Steyerberg, Clinical Prediction Models, ch. 5): ${replicates} bootstrap samples of ${trainingCohort}'s patients (seed ${seed}); on each, the head is refitted on the sample's cached embeddings exactly as the model stage trains it, and optimism is the mean of (its metric on the sample − its metric on all of ${trainingCohort}); corrected = in-sample − optimism, at patient level.`;
}

/** The optimism bootstrap's seed: derived from the study's bootstrap seed, the same for both protocols. */
export const optimismSeed = (bootstrapSeed: number) => deriveSeed(bootstrapSeed, "optimism");
