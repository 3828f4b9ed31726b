import {chiSquareSurvival} from "./chiSquare.js";

/** What a likelihood-ratio test needs of a fitted model (a `MultinomialFit` qualifies). */
export interface NestedFit {
  logLikelihood: number;
  /** Free parameters. */
  parameters: number;
  /** Ridge penalty; must be 0, since a penalised fit does not maximise the likelihood the test assumes. */
  lambda?: number;
}

export interface LikelihoodRatioTest {
  /** 2·(ℓ_full − ℓ_reduced), the deviance difference. */
  statistic: number;
  /** Difference in free parameters. */
  df: number;
  /** Upper tail of χ²(df) at the statistic (R `anova(reduced, full)` for multinom / glm with test = "Chisq"). */
  p: number;
}

/**
 * Likelihood-ratio test of a reduced model nested in a full one (e.g. the clinical model inside clinical + image
 * score), both fitted by maximum likelihood to the same observations. Nesting itself cannot be checked from the fits:
 * the caller guarantees it. Throws RangeError when the full model has no extra parameters or a fit is penalised.
 * A statistic below 0 from rounding (a useless extra term) is reported as 0, p = 1.
 */
export function likelihoodRatioTest(reduced: NestedFit, full: NestedFit): LikelihoodRatioTest {
  for (const [name, fit] of [
    ["reduced", reduced],
    ["full", full],
  ] as const) {
    if (!Number.isFinite(fit.logLikelihood))
      throw new RangeError(`${name} model: log-likelihood ${fit.logLikelihood} is not finite`);
    if ((fit.lambda ?? 0) !== 0) {
      throw new RangeError(
        `${name} model is penalised (lambda ${fit.lambda}); a likelihood-ratio test needs unpenalised fits`,
      );
    }
  }
  const df = full.parameters - reduced.parameters;
  if (!(Number.isInteger(df) && df > 0)) {
    throw new RangeError(
      `the full model must have more parameters than the reduced one, not ${full.parameters} vs ${reduced.parameters}`,
    );
  }
  const statistic = Math.max(0, 2 * (full.logLikelihood - reduced.logLikelihood));
  return {statistic, df, p: chiSquareSurvival(statistic, df)};
}
