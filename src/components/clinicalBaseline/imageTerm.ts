/**
 * The image term of the combined model and of the likelihood-ratio test: the logit of the image model's probability of
 * objective response (P(CR) + P(PR) by default), clamped so a probability of exactly 0 or 1 stays finite. Split from
 * clinicalComparison.ts because both the combined model and imageTermLikelihoodRatio.ts build it the same way.
 */

/** The image term's column name (parenthesised so it cannot collide with a clinical column). */
export const ImageTerm = "(image logit P(CR)+P(PR))";

export const clampLogit = (p: number) => {
  const c = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(c / (1 - c));
};

/** The summed probability of the responder classes. */
export function objectiveOf(probabilities: readonly number[], responders: readonly number[]): number {
  let s = 0;
  for (const c of responders) s += probabilities[c] as number;
  return s;
}
