import type {PriorCorrectionEffect} from "../../src/components/analysis/analysisArtifacts.js";
import {calibration} from "../../src/components/stats/calibration.js";
import {objectiveResponse} from "../../src/components/stats/objectiveResponse.js";
import type {PatientPrediction} from "../../src/components/stats/patientPrediction.js";
import {undoPriorShift} from "../train/priorCorrection.js";

/**
 * Calibration of P(CR) + P(PR) on each external cohort before and after the run's prior correction (the head's
 * probabilities as the balanced training left them, and as the run reports them): what the correction does to the
 * risks that calibration, decision curves and the clinical model read. Null when the run applied no correction.
 */
export function priorCorrectionEffect(
  shift: readonly number[] | null,
  cohorts: ReadonlyArray<{cohort: string; patients: readonly PatientPrediction[]}>,
  bins: number,
  responderClasses: readonly number[] = [0, 1],
): PriorCorrectionEffect | null {
  if (!shift) return null;
  const summary = (labels: number[], probabilities: Array<readonly number[]>) => {
    const {outcome, score} = objectiveResponse(labels, probabilities, [...responderClasses]);
    const c = calibration(outcome, score, {bins});
    const mean = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0) / values.length;
    return {
      meanPredicted: mean(score),
      observed: mean(outcome),
      intercept: c.intercept,
      slope: c.slope,
      brier: c.brier,
    };
  };
  return {
    shift: [...shift],
    cohorts: cohorts.map(({cohort, patients}) => {
      const labels = patients.map((p) => p.label);
      return {
        cohort,
        patients: patients.length,
        asTrained: summary(
          labels,
          patients.map((p) => undoPriorShift(p.probabilities, shift)),
        ),
        corrected: summary(
          labels,
          patients.map((p) => p.probabilities),
        ),
      };
    }),
  };
}
