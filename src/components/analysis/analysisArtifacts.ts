import type {CentreMetrics} from "../acrossCentres/centreMetrics.js";
import type {Pooled} from "../acrossCentres/poolCentres.js";
import type {ClinicalComparison} from "../clinicalBaseline/clinicalComparison.js";
import type {CalibrationExtras} from "../stats/calibrationExtras.js";
import type {OrdinalSummary} from "../stats/ordinalSummary.js";
import type {SampleSizeRow} from "../stats/sampleSizeSummary.js";
import type {ValidationAnticipated, ValidationSizeRow} from "../stats/validationSizeSummary.js";
import type {Availability} from "./availability.js";

/**
 * The data files of the analyses that follow the main results, one per analysis, each an Availability of its
 * artifact (`data/<id>.json`): the loader that writes it (loaders/site/siteAnalysis.ts) and the page that reads it
 * share these types. No artifact holds a patient id.
 */

/** What every analysis artifact says about the run it analysed. */
export interface RunMeta {
  synthetic: boolean;
  /** The protocol whose image model the analysis refits or scores (the corrected protocol's run). */
  protocol: string;
  runId: string;
  dataHash: string;
  seed: number;
  replicates: number;
  ciLevel: number;
  aggregation: string;
  classes: string[];
  trainingCohort: string;
}

/** data/clinical-baseline.json: a clinical model, the image model and both combined (pipeline or predictions file). */
export interface ClinicalBaselineArtifact {
  /** "pipeline": the corrected run, refitted out of fold; "predictions": a report built from a predictions file. */
  source: "pipeline" | "predictions";
  protocol: string;
  aggregation: string;
  seed: number;
  replicates: number;
  ciLevel: number;
  /** How the image model's training-cohort scores were made out of fold (or how the predictions file's were taken). */
  stacking: {folds?: number; scheme: string};
  clinical: ClinicalComparison;
  /** How the training cohort was chosen (a predictions-only report). */
  trainingCohortRule?: string;
}

/** data/across-centres.json: leave one centre out, and the pooled estimates. */
export interface AcrossCentresArtifact extends RunMeta {
  acrossCentres: {scheme: string; variants: string; centres: CentreMetrics[]; pooled: Pooled[]};
}

/** data/ordinal.json: the four classes as an ordered outcome, per external cohort. */
export interface OrdinalArtifact extends RunMeta {
  ordinal: OrdinalSummary[];
}

/** Calibration of P(CR) + P(PR) on one cohort: mean predicted risk, observed rate, intercept, slope and Brier. */
export interface RiskCalibration {
  meanPredicted: number;
  observed: number;
  intercept: number | null;
  slope: number | null;
  brier: number | null;
}

/** The run's prior correction (loaders/train/priorCorrection.ts) and calibration before and after it. */
export interface PriorCorrectionEffect {
  /** The intercept shift per class, log(n_c / N). */
  shift: number[];
  cohorts: Array<{cohort: string; patients: number; asTrained: RiskCalibration; corrected: RiskCalibration}>;
}

/** data/calibration-extras.json: bootstrap CIs, per-class calibration and recalibration, per external cohort. */
export interface CalibrationExtrasArtifact extends RunMeta {
  calibration: CalibrationExtras;
  /** Null when the run's probabilities were not corrected (model.priorCorrection "none", or unbalanced training). */
  priorCorrection: PriorCorrectionEffect | null;
}

/**
 * data/sample-size.json: the minimum development sample size of the image head and of the clinical model (Pate et
 * al. 2023, multinomial), and the minimum size of each external cohort for validating objective response (Riley et
 * al. 2021).
 */
export interface SampleSizeArtifact extends RunMeta {
  /** The anticipated Nagelkerke R² of every pairwise submodel and of the overall model. */
  anticipatedNagelkerke: number;
  sampleSize: SampleSizeRow[];
  validation: {anticipated: ValidationAnticipated; rows: ValidationSizeRow[]};
}

export type ClinicalBaselineData = Availability<ClinicalBaselineArtifact>;
export type AcrossCentresData = Availability<AcrossCentresArtifact>;
export type OrdinalData = Availability<OrdinalArtifact>;
export type CalibrationExtrasData = Availability<CalibrationExtrasArtifact>;
export type SampleSizeData = Availability<SampleSizeArtifact>;
