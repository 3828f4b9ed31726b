import {applyDesign, type ClinicalRecord, learnDesign, type PredictorSpec} from "../stats/designMatrix.js";
import {holm} from "../stats/holm.js";
import {fitMultinomial, type MultinomialFit} from "../stats/multinomialLogistic.js";
import {deriveSeed} from "../stats/random.js";
import {chooseRidgeLambda, type RidgeChoice} from "./chooseRidgeLambda.js";
import {type CohortComparison, type ComparisonPatient, cohortComparison} from "./cohortComparison.js";
import {crossValidatedCohort} from "./crossValidatedCohort.js";
import {clampLogit, ImageTerm, objectiveOf} from "./imageTerm.js";

export type {AucWithCi, CohortComparison, ComparisonPatient} from "./cohortComparison.js";

/**
 * Does the image add anything to what the clinic already knows? (issue #14)
 *
 * - Clinical model: ridge multinomial logistic regression (CR/PR/SD/PD) on the study's clinical variables, fitted on
 *   the training cohort only (designMatrix.ts: standardised numbers, treatment-coded categories, missing values
 *   imputed with the training median / mode and counted).
 * - Combined model: the same variables plus one image term, logit of the image model's P(CR) + P(PR). On the training
 *   cohort that term must be OUT-OF-FOLD (the caller's patients carry the image model's out-of-fold probabilities
 *   there), or the combined model would learn to trust an image score that has seen its own labels.
 * - Each model's ridge λ is chosen by stratified k-fold cross-validated deviance on the training cohort.
 * - On every other cohort, at patient level: AUC of P(CR) + P(PR) with DeLong CIs for the three models, paired
 *   DeLong ΔAUC (image − clinical, combined − clinical), ΔNB curves with a paired patient bootstrap band, and a
 *   likelihood-ratio test for the image term: logistic regression of objective response on the clinical model's
 *   logit, with and without the image logit (1 df, unpenalised), i.e. does the image explain outcomes the clinical
 *   prediction does not, in data neither model was fitted on. Holm-adjusted p-values over every p the page shows.
 *
 * This file fits the two models on the training cohort and applies Holm; each other cohort is summarised by
 * cohortComparison.ts, the image term is built by imageTerm.ts and tested by imageTermLikelihoodRatio.ts.
 */
export interface ComparisonOptions {
  trainingCohort: string;
  predictors: readonly PredictorSpec[];
  classes: number;
  /** Classes counted as objective response (default [0, 1], CR and PR). */
  responderClasses?: readonly number[];
  /** Candidate ridge penalties (default RidgeGrid). */
  lambdaGrid?: readonly number[];
  /** Folds of the λ search (default 5). */
  folds?: number;
  seed: number;
  /** Bootstrap replicates of the ΔNB bands. */
  replicates: number;
  ciLevel: number;
  /** Threshold probabilities of the ΔNB curves. */
  thresholds: readonly number[];
  /** Folds of the internal validation when the study has one cohort (default 5). */
  cvFolds?: number;
}

/** λ on standardised columns: from almost none to strong shrinkage, a factor of about 3 apart. */
export const RidgeGrid = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30] as const;

export interface ModelSummary {
  /** Design columns, without the intercept. */
  columns: string[];
  lambda: number;
  /** k of the stratified k-fold cross-validation that chose λ (as run, so the page never types it). */
  lambdaFolds: number;
  /** Cross-validated deviance per candidate λ (null where a fold could not be fitted). */
  lambdaPath: Array<{lambda: number; deviance: number | null}>;
  /** One row per non-reference class: intercept, then one coefficient per column (standardised scale). */
  coefficients: number[][];
  converged: boolean;
}

export interface ClinicalComparison {
  trainingCohort: string;
  /** Variables used, and those left out (with why). */
  predictors: string[];
  dropped: Array<{name: string; reason: string}>;
  missingRule: string;
  training: {
    patients: number;
    classCounts: number[];
    /** Missing values per variable in the training cohort (imputed by the training median / mode). */
    missing: Record<string, number>;
    patientsImputed: number;
  };
  clinical: ModelSummary;
  combined: ModelSummary;
  cohorts: CohortComparison[];
  /**
   * "external": each other cohort, with the models fitted on the training cohort. "crossValidated": the study has
   * one cohort, so its one row compares out-of-fold predictions: each fold's patients predicted by models fitted
   * (λ chosen too) on the other folds.
   */
  validation: {kind: "external"} | {kind: "crossValidated"; folds: number};
  /** How many p-values the Holm adjustment spans. */
  holmFamily: number;
}

export const MissingRule =
  "a missing clinical value is replaced by the training cohort's median (numbers) or most frequent level (categories); " +
  "learned on the training cohort only and applied unchanged to every cohort";

/** Leaves out a variable the training cohort cannot estimate (never recorded, or one value only), saying why. */
export function usablePredictors(
  records: readonly ClinicalRecord[],
  specs: readonly PredictorSpec[],
): {kept: PredictorSpec[]; dropped: Array<{name: string; reason: string}>} {
  const kept: PredictorSpec[] = [];
  const dropped: Array<{name: string; reason: string}> = [];
  for (const spec of specs) {
    const values = records
      .map((r) => r[spec.name])
      .filter((v) => v !== null && v !== undefined && v !== "" && !(typeof v === "number" && Number.isNaN(v)));
    const distinct = new Set(values.map((v) => String(v).trim()));
    if (values.length === 0) dropped.push({name: spec.name, reason: "not recorded in the training cohort"});
    else if (distinct.size < 2) dropped.push({name: spec.name, reason: "a single value in the training cohort"});
    else kept.push(spec);
  }
  return {kept, dropped};
}

function summary(columns: string[], fit: MultinomialFit, choice: RidgeChoice): ModelSummary {
  return {
    columns,
    lambda: fit.lambda,
    lambdaFolds: choice.folds,
    lambdaPath: choice.path,
    coefficients: fit.coefficients,
    converged: fit.converged,
  };
}

/** The clinical and combined models fitted on `train` (λ chosen by cross-validation inside it), and what was kept. */
function fitModels(train: readonly ComparisonPatient[], options: ComparisonOptions, seed: number) {
  const {classes} = options;
  const responders = options.responderClasses ?? [0, 1];
  const grid = options.lambdaGrid ?? RidgeGrid;
  const folds = options.folds ?? 5;
  const trainIds = train.map((p) => p.patientId);
  const {kept, dropped} = usablePredictors(
    train.map((p) => p.clinical),
    options.predictors,
  );
  const encoder = learnDesign(
    train.map((p) => p.clinical),
    kept,
    {standardize: true},
    trainIds,
  );
  const trainDesign = applyDesign(
    encoder,
    train.map((p) => p.clinical),
    trainIds,
  );
  const y = train.map((p) => p.label);
  // The image term is standardised on the training cohort like every numeric column, so one λ suits all columns.
  const trainImage = train.map((p) => clampLogit(objectiveOf(p.image, responders)));
  const mean = trainImage.reduce((a, b) => a + b, 0) / trainImage.length;
  const sd = Math.sqrt(trainImage.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, trainImage.length - 1)) || 1;
  const withImage = (rows: number[][], scores: number[]) =>
    rows.map((r, i) => [...r, ((scores[i] as number) - mean) / sd]);

  const clinicalChoice = chooseRidgeLambda(
    trainDesign.rows,
    y,
    classes,
    grid,
    folds,
    deriveSeed(seed, "lambda-clinical"),
  );
  const combinedRows = withImage(trainDesign.rows, trainImage);
  const combinedChoice = chooseRidgeLambda(combinedRows, y, classes, grid, folds, deriveSeed(seed, "lambda-combined"));
  const clinicalFit = fitMultinomial(trainDesign.rows, y, classes, {lambda: clinicalChoice.lambda});
  const combinedFit = fitMultinomial(combinedRows, y, classes, {lambda: combinedChoice.lambda});
  return {
    models: {encoder, clinicalFit, combinedFit, withImage},
    kept,
    dropped,
    trainDesign,
    clinicalChoice,
    combinedChoice,
  };
}

export function clinicalComparison(
  patients: readonly ComparisonPatient[],
  options: ComparisonOptions,
): ClinicalComparison {
  const {trainingCohort, classes, seed, ciLevel} = options;
  const responders = options.responderClasses ?? [0, 1];
  for (const p of patients) {
    if (p.image.length !== classes) {
      throw new RangeError(
        `cohort ${p.cohort}, patient ${p.patientId}: expected ${classes} image probabilities, got ${p.image.length}`,
      );
    }
  }
  const train = patients.filter((p) => p.cohort === trainingCohort);
  if (train.length === 0) throw new RangeError(`training cohort ${trainingCohort}: no patients`);
  const fitted = fitModels(train, options, seed);
  const {models, kept, dropped, trainDesign, clinicalChoice, combinedChoice} = fitted;
  const {clinicalFit, combinedFit, encoder} = models;

  const cohortNames = [...new Set(patients.map((p) => p.cohort))].filter((c) => c !== trainingCohort);
  const cohortOptions = {
    classes,
    responders,
    seed,
    ciLevel,
    replicates: options.replicates,
    thresholds: options.thresholds,
  };
  // One cohort: no patient the models were not fitted on, so the comparison is made out of fold inside it.
  const validation: ClinicalComparison["validation"] =
    cohortNames.length > 0 ? {kind: "external"} : {kind: "crossValidated", folds: options.cvFolds ?? 5};
  const cohorts: CohortComparison[] =
    validation.kind === "external"
      ? cohortNames.map((cohort) =>
          cohortComparison(
            cohort,
            patients.filter((p) => p.cohort === cohort),
            models,
            cohortOptions,
          ),
        )
      : [
          crossValidatedCohort(
            trainingCohort,
            train,
            (inner, foldSeed) => fitModels(inner, options, foldSeed).models,
            validation.folds,
            cohortOptions,
          ),
        ];

  // Holm over every p-value the Clinical baseline page shows (two DeLong tests and one LRT per cohort).
  const slots: Array<{pHolm: number | null; p: number} | null> = cohorts.flatMap((c) => [
    c.imageVsClinical,
    c.combinedVsClinical,
    c.imageTermLrt,
  ]);
  const present = slots.filter((s): s is {pHolm: number | null; p: number} => s !== null);
  const adjusted = holm(present.map((s) => s.p));
  present.forEach((s, i) => {
    s.pHolm = adjusted[i] ?? null;
  });

  return {
    trainingCohort,
    predictors: kept.map((s) => s.name),
    dropped,
    missingRule: MissingRule,
    training: {
      patients: train.length,
      classCounts: clinicalFit.classCounts,
      missing: encoder.training.missing,
      patientsImputed: trainDesign.recordsImputed,
    },
    clinical: summary(trainDesign.columns, clinicalFit, clinicalChoice),
    combined: summary([...trainDesign.columns, ImageTerm], combinedFit, combinedChoice),
    cohorts,
    validation,
    holmFamily: present.length,
  };
}
