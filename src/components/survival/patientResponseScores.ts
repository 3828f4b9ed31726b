import {aggregatePatients} from "../stats/aggregatePatients.js";
import type {PredictionRow} from "../stats/evaluatePredictions.js";
import {type Aggregation, type ResponseLabel, ResponseLabels} from "../study/vocabulary.js";

/** One patient's objective-response score: P(CR) + P(PR) of the patient's probability vector. */
export interface PatientResponseScore {
  patientId: string;
  cohort: string;
  label: ResponseLabel;
  /** [P(CR), P(PR), P(SD), P(PD)] of the patient (its patches aggregated). */
  probabilities: [number, number, number, number];
  score: number;
}

/**
 * Patient-level objective-response scores from patch (or patient) prediction rows, aggregated per patient as the
 * evaluation does (`aggregatePatients`: evaluation.aggregation, default the mean of the patches' vectors), in
 * first-seen order. The survival and readers analyses score patients with this, so their score is the one Fig 5b draws.
 */
export function patientResponseScores(
  rows: readonly PredictionRow[],
  aggregation: Aggregation = "mean",
): PatientResponseScore[] {
  return aggregatePatients(rows, {aggregation}).map((patient) => {
    const p = patient.probabilities as [number, number, number, number];
    return {
      patientId: patient.patientId,
      // A PredictionRow always carries its cohort.
      cohort: patient.cohort as string,
      label: ResponseLabels[patient.label] as ResponseLabel,
      probabilities: p,
      score: p[0] + p[1],
    };
  });
}
