import {aggregatePatients} from "../stats/aggregatePatients.js";
import type {PredictionRow} from "../stats/evaluatePredictions.js";

/**
 * A cohort's patients from patch (or patient) rows, in the columns the ladder's statistics take: the class index of
 * each and its probability vector, the mean of its patches' (`aggregatePatients`, as evaluatePredictions and the Your
 * predictions comparison aggregate), keyed and ordered by first appearance.
 */
export interface PatientScores {
  ids: string[];
  truth: number[];
  probabilities: number[][];
}

export function patientScores(rows: readonly PredictionRow[], cohort: string): PatientScores {
  const patients = aggregatePatients(rows, {cohort});
  return {
    ids: patients.map((p) => p.patientId),
    truth: patients.map((p) => p.label),
    probabilities: patients.map((p) => p.probabilities),
  };
}
