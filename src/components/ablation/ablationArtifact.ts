import type {Provenance} from "../artifacts.js";
import type {NetBenefitTest} from "../stats/pairedNetBenefit.js";

/**
 * data/ablation.json: issue #13's ladder. Model rungs change one thing at a time from the paper as written, each
 * trained with several seeds on the same cached embeddings; analysis rungs change only how the final model's
 * predictions are analysed. Written by loaders/site/ablationSiteArtifacts.ts, shown by the ladder page.
 */

/** A metric over seeds: its mean, range and the value of every seed (null where undefined, e.g. a single class). */
export interface SeedSpread {
  mean: number | null;
  min: number | null;
  max: number | null;
  perSeed: Array<number | null>;
}

/** A paired DeLong test of two rungs' AUCs (this rung − the previous), or why it cannot be computed. */
export type PairedAuc =
  | {auc: number; previousAuc: number; deltaAuc: number; ci: [number, number]; p: number}
  | {note: string};

export interface RungComparison {
  /** Patients scored by both rungs (every patient of the cohort: the rungs share the embeddings). */
  patients: number;
  /** Objective response (P(CR) + P(PR)) at patient level, on seed-averaged probabilities; the deltaAuc/ci/p. */
  deltaAuc: number | null;
  ci: [number, number] | null;
  p: number | null;
  objectiveResponse: PairedAuc;
  /** One-vs-rest AUC of each class, same pairing. */
  perClass: Record<string, PairedAuc>;
  /** ΔAUC of objective response seed by seed (seed k of this rung against seed k of the previous): the spread. */
  perSeedDeltaAuc: SeedSpread;
  /** ΔNB of objective response at the configured thresholds, paired patient bootstrap. */
  netBenefit: NetBenefitTest[];
}

export interface RungCohortMetrics {
  /** True for the training cohort: its numbers are in-sample. */
  inSample: boolean;
  patient: {objectiveResponseAuc: SeedSpread; accuracy: SeedSpread; macroAuc: SeedSpread};
}

export interface ModelRung {
  id: string;
  /** What this rung changes from the previous one, in one sentence. */
  change: string;
  /** The settings it trains with, for the methods table. */
  settings: Record<string, string>;
  seeds: number[];
  /** SGD steps each seed took. */
  steps: number[];
  cohorts: Record<string, RungCohortMetrics>;
  /** Absent on the first rung; external cohorts only. */
  vsPrevious?: Record<string, RungComparison>;
}

export interface AnalysisRung {
  id: string;
  change: string;
  level: "patch" | "patient";
  /** Per external cohort: the objective-response AUC of the final rung's seed-averaged predictions and its CI. */
  cohorts: Record<string, {auc: number | null; ci: [number, number] | null; width: number | null; n: number}>;
}

export interface BudgetSearch {
  folds: number;
  /** The seed of the fold assignment and of the cross-validation's training. */
  seed: number;
  candidates: Array<{multiplier: number; steps: number; meanLoss: number; foldLoss: number[]}>;
  chosenSteps: number;
  /** The chosen budget is the largest candidate: held-out loss was still falling, so a longer one might do better. */
  atLargest: boolean;
}

export interface AblationArtifact {
  /** False when the study turns the ladder off or the site is predictions-only; `reason` says which. */
  enabled: boolean;
  reason?: string;
  provenance: Provenance | null;
  trainingCohort: string;
  externalCohorts: string[];
  options: {seeds: number; bootstrap: number; ciLevel: number; thresholds: number[]; pairing: string};
  budget: BudgetSearch | null;
  rungs: ModelRung[];
  analysis: AnalysisRung[];
}
