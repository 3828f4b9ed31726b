import type {ResponseLabel} from "../study/vocabulary.js";

/**
 * Colours shared by every figure, so a class or a cohort keeps one colour across pages. Okabe–Ito hues (colour-blind
 * safe); the class order is the probability-vector order [CR, PR, SD, PD].
 */
export const classColors: Record<ResponseLabel, string> = {
  CR: "#0072B2",
  PR: "#009E73",
  SD: "#E69F00",
  PD: "#D55E00",
};

/** Cohort colours by position (training cohort first). */
export const cohortPalette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"] as const;

export function cohortColor(index: number): string {
  return cohortPalette[index % cohortPalette.length] as string;
}

/**
 * Colours of objective response (CR + PR) against non-response (SD + PD): the score distributions, and the ROC
 * curve of P(CR) + P(PR), which is the responders' score.
 */
export const outcomeColors = {responder: "#0072B2", nonResponder: "#D55E00"} as const;
