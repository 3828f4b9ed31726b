import {type LikelihoodRatioTest, likelihoodRatioTest} from "../stats/likelihoodRatio.js";
import {fitMultinomial} from "../stats/multinomialLogistic.js";
import {clampLogit} from "./imageTerm.js";

/**
 * Does the image explain outcomes the clinical prediction does not? On one cohort neither model was fitted on:
 * logistic regression of objective response on the clinical model's logit, with and without the image logit (1 df,
 * unpenalised), compared by a likelihood-ratio test. Split from clinicalComparison.ts; the reasons it cannot be run
 * (a single outcome class, separation, a failed fit) come back as a note for the page instead of a test.
 */
export function imageTermTest(
  outcome: Uint8Array,
  clinical: Float64Array,
  image: Float64Array,
): {test: LikelihoodRatioTest | null; note?: string} {
  const y = Array.from(outcome);
  if (y.every((v) => v === y[0])) return {test: null, note: "likelihood-ratio test: a single outcome class"};
  try {
    const reduced = fitMultinomial(
      y.map((_, i) => [clampLogit(clinical[i] as number)]),
      y,
      2,
    );
    const full = fitMultinomial(
      y.map((_, i) => [clampLogit(clinical[i] as number), clampLogit(image[i] as number)]),
      y,
      2,
    );
    if (!reduced.converged || !full.converged) {
      return {test: null, note: "likelihood-ratio test: no finite maximum-likelihood fit (separation)"};
    }
    return {test: likelihoodRatioTest(reduced, full)};
  } catch (error) {
    return {test: null, note: `likelihood-ratio test: ${(error as Error).message}`};
  }
}
