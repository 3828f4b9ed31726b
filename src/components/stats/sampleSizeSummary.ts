import {categoryPairs, maxCoxSnell, pateMultinomial} from "./multinomialSampleSize.js";

/**
 * Pate et al.'s minimum development sample size for a multinomial model with the training cohort's class
 * proportions, set against the training cohort. No study-specific R² is known before fitting, so the anticipated
 * Nagelkerke R² is 0.15 — for every pairwise submodel (R²_CS,kr = 0.15·max R²_CS,kr) and for the overall model
 * (R²_CS = 0.15·max R²_CS): Riley et al.'s conservative default (BMJ 2020), and the value Pate et al.'s worked example
 * and R code use (`mult_nagrsquared_overall = 0.15`; `nagrsquared = rep(0.15, …)` in its README).
 */
export const AnticipatedNagelkerke = 0.15;

export interface SampleSizeRow {
  model: string;
  /** P: candidate predictor parameters of one submodel, intercept excluded (pmsampsize's `parameters`). */
  parameters: number;
  /** (K − 1)·P: the overall model's parameters (criterion ii). */
  overallParameters: number;
  required: number | null;
  /** Criteria i, ii, iii, each rounded up as the R code rounds it. */
  criteria: {shrinkage: number; optimism: number; categoryRisk: number} | null;
  /** The pair that sets criterion i (class indices), and the per-category error of criterion iii (α/K). */
  bindingPair: [number, number] | null;
  alphaPerCategory: number | null;
  trainingPatients: number;
  /** Training patients per class, and the smallest class per candidate parameter. */
  eventsPerClass: number[];
  eventsPerParameter: number;
  note?: string;
}

export function sampleSizeRow(
  model: string,
  candidateParameters: number,
  classCounts: readonly number[],
): SampleSizeRow {
  const total = classCounts.reduce((a, b) => a + b, 0);
  const base = {
    model,
    parameters: candidateParameters,
    overallParameters: (classCounts.length - 1) * candidateParameters,
    trainingPatients: total,
    eventsPerClass: [...classCounts],
    eventsPerParameter: Math.min(...classCounts) / candidateParameters,
  };
  if (classCounts.some((c) => c === 0) || total === 0) {
    return {
      ...base,
      required: null,
      criteria: null,
      bindingPair: null,
      alphaPerCategory: null,
      note: "a class has no training patient",
    };
  }
  const proportions = classCounts.map((c) => c / total);
  const r2csPairs = categoryPairs(classCounts.length).map(([lo, hi]) => {
    const phi = (classCounts[hi] as number) / ((classCounts[lo] as number) + (classCounts[hi] as number));
    return AnticipatedNagelkerke * maxCoxSnell([phi, 1 - phi]);
  });
  const r = pateMultinomial({
    proportions,
    r2csPairs,
    r2csOverall: AnticipatedNagelkerke * maxCoxSnell(proportions),
    parameters: candidateParameters,
  });
  const binding = r.pairs.reduce((a, b) => (b.patients > a.patients ? b : a));
  return {
    ...base,
    required: r.n,
    criteria: {shrinkage: r.criterion1, optimism: r.criterion2, categoryRisk: r.criterion3},
    bindingPair: [binding.lower, binding.higher],
    alphaPerCategory: r.alphaPerCategory,
  };
}
