import {deriveSeed} from "../stats/random.js";
import {stratifiedFolds} from "../stats/stratifiedFolds.js";
import {
  type CohortComparison,
  type CohortOptions,
  type CohortPredictions,
  type ComparisonPatient,
  compareCohort,
  predictCohort,
  type TrainedModels,
} from "./cohortComparison.js";

/**
 * The clinical comparison of a one-cohort study: no patient is left that the models were not fitted on, so each
 * fold of a stratified k-fold split by patient is predicted by models fitted on the other folds (the whole fitting,
 * λ search included, repeated in each), and the cohort's statistics are computed once from the out-of-fold
 * predictions. The image probabilities are the patients' own: out of fold only if the caller's are.
 */
export function crossValidatedCohort(
  cohort: string,
  members: readonly ComparisonPatient[],
  fit: (train: readonly ComparisonPatient[], seed: number) => TrainedModels,
  folds: number,
  options: CohortOptions,
): CohortComparison {
  const k = Math.max(2, Math.min(folds, members.length));
  const fold = stratifiedFolds(
    members.map((p) => p.label),
    k,
    deriveSeed(options.seed, `cv-${cohort}`),
  );
  const n = members.length;
  const clinicalProbs: number[][] = new Array(n);
  const combinedProbs: number[][] = new Array(n);
  const imputed: Record<string, number> = {};
  let patientsImputed = 0;
  for (let f = 0; f < k; f++) {
    const held = members.flatMap((_, i) => (fold[i] === f ? [i] : []));
    if (held.length === 0) continue;
    const train = members.filter((_, i) => fold[i] !== f);
    const models = fit(train, deriveSeed(options.seed, `cv-fold-${f}`));
    const predicted = predictCohort(
      held.map((i) => members[i] as ComparisonPatient),
      models,
      options.responders,
    );
    held.forEach((i, j) => {
      clinicalProbs[i] = predicted.clinicalProbs[j] as number[];
      combinedProbs[i] = predicted.combinedProbs[j] as number[];
    });
    for (const [name, count] of Object.entries(predicted.imputed)) imputed[name] = (imputed[name] ?? 0) + count;
    patientsImputed += predicted.patientsImputed;
  }
  const outOfFold: CohortPredictions = {
    labels: members.map((p) => p.label),
    imageProbs: members.map((p) => p.image),
    clinicalProbs,
    combinedProbs,
    imputed,
    patientsImputed,
  };
  return compareCohort(cohort, outOfFold, options);
}
