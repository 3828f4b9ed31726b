import type {CalibrationExtras} from "./calibrationExtras.js";
import type {CentreMetrics} from "./centreMetrics.js";
import type {ClinicalComparison} from "./clinicalComparison.js";
import type {OrdinalSummary} from "./ordinalSummary.js";
import type {Pooled} from "./poolCentres.js";
import type {SampleSizeRow} from "./sampleSizeSummary.js";

/** data/beyond.json: the analyses beyond the paper (issue #14), computed by the pipeline's "beyond" stage. */
export interface BeyondArtifact {
  synthetic: boolean;
  /** The image model these analyses refit and score: the corrected protocol's run. */
  protocol: string;
  runId: string;
  dataHash: string;
  seed: number;
  replicates: number;
  ciLevel: number;
  aggregation: string;
  classes: string[];
  trainingCohort: string;
  /** How the image model's training-cohort scores were made out of fold. */
  stacking: {folds: number; scheme: string};
  /** Null when the study has no clinical columns (the reason in clinicalNote). */
  clinical: ClinicalComparison | null;
  clinicalNote?: string;
  /**
   * Leave one centre out. `notApplicable` says why there are no folds (a one-centre study: no centre to leave out and
   * still train on); centres and pooled are then empty.
   */
  acrossCentres: {scheme: string; variants: string; centres: CentreMetrics[]; pooled: Pooled[]; notApplicable?: string};
  ordinal: OrdinalSummary[];
  calibration: CalibrationExtras;
  sampleSize: SampleSizeRow[];
  /** Seconds spent, for the Protocol page's stage timings. */
  seconds: {outOfFold: number; acrossCentres: number; statistics: number};
}
