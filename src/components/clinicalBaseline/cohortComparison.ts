import {auc} from "../stats/auc.js";
import type {NetBenefitDifference} from "../stats/decisionCurve.js";
import {aucCiDeLong} from "../stats/delong.js";
import {applyDesign, type ClinicalRecord, type DesignEncoder} from "../stats/designMatrix.js";
import type {LikelihoodRatioTest} from "../stats/likelihoodRatio.js";
import {type MultinomialFit, predictMultinomial} from "../stats/multinomialLogistic.js";
import {objectiveResponse} from "../stats/objectiveResponse.js";
import type {DeLongTest} from "../stats/pairedDelong.js";
import {pairedModelComparison} from "../stats/pairedModelComparison.js";
import {deriveSeed} from "../stats/random.js";
import {clampLogit, objectiveOf} from "./imageTerm.js";
import {imageTermTest} from "./imageTermLikelihoodRatio.js";

/**
 * One cohort of the clinical comparison (issue #14), at patient level, with the models fitted on the training cohort
 * applied unchanged: AUC of objective response with DeLong CIs for the clinical, image and combined models, one-vs-rest
 * AUC per class, paired DeLong ΔAUC and ΔNB curves against the clinical model, and the image term's likelihood-ratio
 * test. p-values leave here unadjusted (pHolm null); clinicalComparison.ts adjusts them over every cohort.
 * Split from clinicalComparison.ts, which fits the models and assembles the cohorts.
 */
export interface ComparisonPatient {
  patientId: string;
  cohort: string;
  /** Class index 0 … classes − 1 (CR, PR, SD, PD). */
  label: number;
  clinical: ClinicalRecord;
  /** The image model's class probabilities for the patient; out-of-fold on the training cohort. */
  image: readonly number[];
}

export interface AucWithCi {
  auc: number | null;
  ci: [number, number] | null;
}

export interface CohortComparison {
  cohort: string;
  patients: number;
  /** Patients with objective response. */
  responders: number;
  /** Imputed values per clinical variable, and patients with at least one. */
  imputed: Record<string, number>;
  patientsImputed: number;
  auc: {clinical: AucWithCi; image: AucWithCi; combined: AucWithCi};
  /** One-vs-rest AUC per class (no interval), clinical / image / combined. */
  perClass: Array<{label: number; clinical: number | null; image: number | null; combined: number | null}>;
  imageVsClinical: (DeLongTest & {pHolm: number | null}) | null;
  combinedVsClinical: (DeLongTest & {pHolm: number | null}) | null;
  netBenefit: {imageVsClinical: NetBenefitDifference[]; combinedVsClinical: NetBenefitDifference[]};
  imageTermLrt: (LikelihoodRatioTest & {pHolm: number | null}) | null;
  /** Why a test is missing (a single outcome class, separation). */
  notes: string[];
}

/** What the training cohort fixed: the clinical design, both fits, and the standardised image column. */
export interface TrainedModels {
  encoder: DesignEncoder;
  clinicalFit: MultinomialFit;
  combinedFit: MultinomialFit;
  /** Appends the image term, standardised as on the training cohort, to each design row. */
  withImage: (rows: number[][], scores: number[]) => number[][];
}

export interface CohortOptions {
  classes: number;
  /** Classes counted as objective response. */
  responders: readonly number[];
  seed: number;
  ciLevel: number;
  /** Bootstrap replicates and threshold probabilities of the ΔNB curves. */
  replicates: number;
  thresholds: readonly number[];
}

function withCi(outcome: Uint8Array, score: Float64Array, ciLevel: number): AucWithCi {
  const r = aucCiDeLong(outcome, score, ciLevel);
  return r ? {auc: r.auc, ci: r.ci} : {auc: null, ci: null};
}

/** What the fitted models say about a set of patients: their labels and the three models' class probabilities. */
export interface CohortPredictions {
  labels: number[];
  imageProbs: ReadonlyArray<readonly number[]>;
  clinicalProbs: number[][];
  combinedProbs: number[][];
  /** Imputed values per clinical variable, and patients with at least one. */
  imputed: Record<string, number>;
  patientsImputed: number;
}

/** The clinical and combined models applied to `members` (the image probabilities are the members' own). */
export function predictCohort(
  members: readonly ComparisonPatient[],
  models: TrainedModels,
  responders: readonly number[],
): CohortPredictions {
  const design = applyDesign(
    models.encoder,
    members.map((p) => p.clinical),
    members.map((p) => p.patientId),
  );
  const imageProbs = members.map((p) => p.image);
  const imageScores = imageProbs.map((p) => clampLogit(objectiveOf(p, responders)));
  return {
    labels: members.map((p) => p.label),
    imageProbs,
    clinicalProbs: predictMultinomial(models.clinicalFit, design.rows),
    combinedProbs: predictMultinomial(models.combinedFit, models.withImage(design.rows, imageScores)),
    imputed: design.imputed,
    patientsImputed: design.recordsImputed,
  };
}

export function cohortComparison(
  cohort: string,
  members: readonly ComparisonPatient[],
  models: TrainedModels,
  options: CohortOptions,
): CohortComparison {
  return compareCohort(cohort, predictCohort(members, models, options.responders), options);
}

/** The statistics of one cohort from the three models' probabilities (external, or out of fold). */
export function compareCohort(cohort: string, predicted: CohortPredictions, options: CohortOptions): CohortComparison {
  const {classes, responders, seed, ciLevel} = options;
  const {labels, imageProbs, clinicalProbs, combinedProbs} = predicted;
  const clin = objectiveResponse(labels, clinicalProbs, responders);
  const img = objectiveResponse(labels, imageProbs, responders);
  const comb = objectiveResponse(labels, combinedProbs, responders);
  const outcome = clin.outcome;
  const lrt = imageTermTest(outcome, clin.score, img.score);
  const notes: string[] = lrt.note ? [lrt.note] : [];
  // Each model against the clinical one on objective response. The same seed for both comparisons: the ΔNB bands come
  // from the same patient resamples.
  const againstClinical = (probabilities: ReadonlyArray<readonly number[]>) =>
    pairedModelComparison(labels, probabilities, clinicalProbs, {
      ciLevel,
      responders,
      classes: 0,
      netBenefit: {
        thresholds: options.thresholds,
        bootstrap: options.replicates,
        seed: deriveSeed(seed, `nb-${cohort}`),
      },
    });
  const image = againstClinical(imageProbs);
  const combined = againstClinical(combinedProbs);
  const imageVsClinical = image.objectiveResponse;
  const combinedVsClinical = combined.objectiveResponse;
  if (!imageVsClinical) notes.push("DeLong test: fewer than two responders or non-responders");
  return {
    cohort,
    patients: labels.length,
    responders: outcome.reduce((a, b) => a + b, 0),
    imputed: predicted.imputed,
    patientsImputed: predicted.patientsImputed,
    auc: {
      clinical: withCi(outcome, clin.score, ciLevel),
      image: withCi(outcome, img.score, ciLevel),
      combined: withCi(outcome, comb.score, ciLevel),
    },
    perClass: Array.from({length: classes}, (_, k) => {
      const isK = labels.map((l) => (l === k ? 1 : 0));
      const col = (probs: ReadonlyArray<readonly number[]>) => probs.map((p) => p[k] as number);
      return {
        label: k,
        clinical: auc(isK, col(clinicalProbs)),
        image: auc(isK, col(imageProbs)),
        combined: auc(isK, col(combinedProbs)),
      };
    }),
    imageVsClinical: imageVsClinical && {...imageVsClinical, pHolm: null},
    combinedVsClinical: combinedVsClinical && {...combinedVsClinical, pHolm: null},
    netBenefit: {imageVsClinical: image.netBenefit, combinedVsClinical: combined.netBenefit},
    imageTermLrt: lrt.test && {...lrt.test, pHolm: null},
    notes,
  };
}
