import {rileyMultinomial} from "./sampleSize.js";

/**
 * Riley/Pate minimum development sample size for a multinomial model with the training cohort's class proportions,
 * set against the training cohort. No study-specific R² is known before fitting, so each pairwise submodel's
 * anticipated Cox–Snell R² is 15% of its maximum (Riley et al. BMJ 2020's conservative default).
 */
export const AnticipatedR2Share = 0.15;

export interface SampleSizeRow {
  model: string;
  /** Parameters of one pairwise submodel (intercept + candidate predictors). */
  parametersPerPair: number;
  required: number | null;
  criteria: {shrinkage: number; optimism: number; overallRisk: number} | null;
  trainingPatients: number;
  /** Training events (patients) per class, and per candidate parameter of the smallest class. */
  eventsPerClass: number[];
  eventsPerParameter: number;
  note?: string;
}

export function sampleSizeRow(
  model: string,
  candidatePredictors: number,
  classCounts: readonly number[],
): SampleSizeRow {
  const total = classCounts.reduce((a, b) => a + b, 0);
  const parametersPerPair = candidatePredictors + 1;
  const base = {
    model,
    parametersPerPair,
    trainingPatients: total,
    eventsPerClass: [...classCounts],
    eventsPerParameter: Math.min(...classCounts) / parametersPerPair,
  };
  if (classCounts.some((c) => c === 0) || total === 0) {
    return {...base, required: null, criteria: null, note: "a class has no training patient"};
  }
  const proportions = classCounts.map((c) => c / total);
  const r2csPairs: number[] = [];
  for (let i = 0; i < classCounts.length; i++) {
    for (let j = i + 1; j < classCounts.length; j++) {
      const phi = (classCounts[j] as number) / ((classCounts[i] as number) + (classCounts[j] as number));
      const maxR2 = 1 - (phi ** phi * (1 - phi) ** (1 - phi)) ** 2;
      r2csPairs.push(AnticipatedR2Share * maxR2);
    }
  }
  const r = rileyMultinomial({proportions, r2csPairs, parametersPerPair});
  return {
    ...base,
    required: r.n,
    criteria: {shrinkage: r.criterion1, optimism: r.criterion2, overallRisk: r.criterion3},
  };
}
