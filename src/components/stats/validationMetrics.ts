import {calibrationErrors} from "./calibrationErrors.js";
import {ValidationIndexKeys, validationIndexes} from "./logisticValidation.js";
import {objectiveResponse} from "./objectiveResponse.js";

/**
 * The internal-validation indexes of the objective-response prediction P(CR) + P(PR), for the patients `units`
 * (repeats count, as in a bootstrap draw): rms::validate.lrm's indexes of the linear predictor logit(P(CR) + P(PR))
 * (logisticValidation.ts) and the loess calibration errors ICI, E50, E90 (calibrationErrors.ts). What the optimism
 * bootstrap corrects beside the discrimination metrics (responseMetrics.ts). Classes are indexed [CR, PR, SD, PD].
 */
export const ValidationMetricKeys = [...ValidationIndexKeys, "ICI", "E50", "E90"] as const;
export type ValidationMetricKey = (typeof ValidationMetricKeys)[number];

/** Probabilities this close to 0 or 1 are clamped before the logit, as a finite linear predictor must be. */
const Clamp = 1e-12;

export function validationMetrics(
  truth: ArrayLike<number>,
  probabilities: ReadonlyArray<ArrayLike<number>>,
  units: readonly number[],
): Record<ValidationMetricKey, number | null> {
  const t = units.map((u) => truth[u] as number);
  const p = units.map((u) => {
    const row = probabilities[u];
    if (!row) throw new RangeError(`validationMetrics: unit ${u} is out of range`);
    return row;
  });
  const {outcome, score} = objectiveResponse(t, p);
  const clamped = Array.from(score, (s) => Math.min(1 - Clamp, Math.max(Clamp, s)));
  const indexes = validationIndexes(
    clamped.map((s) => Math.log(s / (1 - s))),
    outcome,
  );
  const errors = calibrationErrors(clamped, outcome);
  return {...indexes, ICI: errors.ICI, E50: errors.E50, E90: errors.E90};
}
