import {rileyValidationBinary} from "./validationSampleSize.js";

/**
 * Riley et al.'s (Stat Med 2021) minimum size for the external validation of objective response (CR or PR vs SD or
 * PD), set against each external cohort. The anticipated C-statistic is the training cohort's apparent C of
 * objective response (the model's own, before any optimism correction: an optimistic C asks for fewer patients, so
 * the requirement is a floor); the prevalence is the cohort's own proportion of responders (pmvalsampsize: "derived
 * … directly from the validation sample if to hand"); the LP distribution is binormal from those two (pmvalsampsize's
 * `lpcstat` assumption); net benefit is taken at the study's responder threshold. Default interval widths: O/E 0.2,
 * calibration slope 0.2, C 0.1, standardised net benefit 0.2.
 */
export interface ValidationSizeRow {
  cohort: string;
  patients: number;
  responders: number;
  prevalence: number | null;
  required: number | null;
  criteria: {oe: number; calibrationSlope: number; cStatistic: number; netBenefit: number | null} | null;
  /** Whether the cohort has at least the required number of patients. */
  enough: boolean | null;
  note?: string;
}

export interface ValidationAnticipated {
  /** The training cohort's apparent C of objective response (null when it has a single outcome). */
  cstatistic: number | null;
  /** Risk threshold of the net-benefit criterion (the study's responder threshold). */
  threshold: number;
}

export function validationSizeRow(
  cohort: string,
  patients: number,
  responders: number,
  {cstatistic, threshold}: ValidationAnticipated,
): ValidationSizeRow {
  const base = {cohort, patients, responders, prevalence: patients > 0 ? responders / patients : null};
  const none = (note: string): ValidationSizeRow => ({...base, required: null, criteria: null, enough: null, note});
  if (patients === 0) return none("no patient");
  if (responders === 0 || responders === patients) return none("responders or non-responders only");
  if (cstatistic === null || !(cstatistic > 0.5 && cstatistic < 1)) {
    return none(`the training cohort's apparent C (${cstatistic ?? "n/a"}) is not in (0.5, 1)`);
  }
  const r = rileyValidationBinary({prevalence: responders / patients, cstatistic, lp: {kind: "binormal"}}, {threshold});
  return {
    ...base,
    required: r.n,
    criteria: {oe: r.oe, calibrationSlope: r.calibrationSlope, cStatistic: r.cStatistic, netBenefit: r.netBenefit},
    enough: patients >= r.n,
  };
}
