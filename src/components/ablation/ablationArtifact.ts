import type {Provenance} from "../artifacts.js";
import type {NetBenefitDifference} from "../stats/decisionCurve.js";

/**
 * data/ablation.json: the ladder of issues #13 and #22. Model rungs change exactly one thing from their parent rung
 * (`diff`), along two branches: from the paper as written to the corrected protocol's model, and MATLAB R2018a's
 * reading of the paper; each is trained with several seeds on the same cached embeddings. Analysis rungs change only
 * how the corrected model's predictions are analysed. Written by loaders/site/ablationSiteArtifacts.ts, shown by the ladder page.
 */

/**
 * A metric over seeds: its mean, SD (n − 1; null below two seeds), range and the value of every seed (null where
 * undefined, e.g. a single class).
 */
export interface SeedSpread {
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  perSeed: Array<number | null>;
}

/** A paired DeLong test of two rungs' AUCs (this rung − its parent), or why it cannot be computed. */
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
  /** ΔAUC of objective response seed by seed (seed k of this rung against seed k of the parent): the spread. */
  perSeedDeltaAuc: SeedSpread;
  /** The same pairs' paired DeLong tests of objective response, seed by seed (ΔAUC with its interval). */
  perSeedObjectiveResponse: PairedAuc[];
  /** ΔNB of objective response at the configured thresholds, paired patient bootstrap. */
  netBenefit: NetBenefitDifference[];
}

export interface RungCohortMetrics {
  /** True for the training cohort: its numbers are in-sample. */
  inSample: boolean;
  patient: {objectiveResponseAuc: SeedSpread; accuracy: SeedSpread; macroAuc: SeedSpread};
}

/**
 * One changed configuration leaf (path from the recipe's root: model.*, augmentation.*, trainer.*), or leaves that
 * cannot change apart (the head's activation and its loss): then path, from and to are arrays, one value per leaf.
 */
export type RungDiff = {path: string; from: unknown; to: unknown} | {path: string[]; from: unknown[]; to: unknown[]};

export interface ModelRung {
  id: string;
  /** "paper-to-corrected" (ends at the corrected protocol's model) or "matlab-reading". */
  branch: string;
  /** The rung this one changes one thing from; null on the first. */
  parent: string | null;
  /** What this rung changes from its parent, in one sentence. */
  change: string;
  /** The change as data: exactly one entry on every rung but the first (which has none). */
  diff: RungDiff[];
  /** Hash of the rung's training recipe (model, augmentation, trainer); the last paper-to-corrected rung's equals
   * the corrected protocol's (AblationArtifact.correctedRecipeHash). */
  recipeHash: string;
  /** The settings it trains with, for the methods table. */
  settings: Record<string, string>;
  seeds: number[];
  /** SGD steps each seed took. */
  steps: number[];
  cohorts: Record<string, RungCohortMetrics>;
  /** Against the parent rung; absent on the first rung; external cohorts only. */
  vsParent?: Record<string, RungComparison>;
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
  /** The corrected protocol's recipe hash, which the paper-to-corrected branch's last rung must have. */
  correctedRecipeHash: string;
  /**
   * Seed 1 of that rung against the corrected run's own patch predictions (the same recipe, seed and embeddings):
   * the largest absolute difference of any probability, over `patches` patches.
   */
  reproducesCorrected: {patches: number; maxAbsDifference: number} | null;
  rungs: ModelRung[];
  analysis: AnalysisRung[];
}
