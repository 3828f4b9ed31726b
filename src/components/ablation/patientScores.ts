import type {PredictionRow} from "../stats/evaluatePredictions.js";
import {meanByGroup} from "../stats/objectiveResponse.js";
import {ResponseLabels} from "../study/vocabulary.js";

/**
 * A cohort's patients from patch (or patient) rows: the class index of each and its probability vector, the mean of
 * its patches' (as evaluatePredictions and the Your predictions comparison aggregate), keyed and ordered by first
 * appearance.
 */
export interface PatientScores {
  ids: string[];
  truth: number[];
  probabilities: number[][];
}

export function patientScores(rows: readonly PredictionRow[], cohort: string): PatientScores {
  const list = rows.filter((r) => r.cohort === cohort);
  const groups = meanByGroup(
    list.map((r) => r.patientId),
    list.map((r) => r.probabilities),
  );
  return {
    ids: groups.map((g) => g.key),
    truth: groups.map((g) => ResponseLabels.indexOf((list[g.first] as PredictionRow).label)),
    probabilities: groups.map((g) => g.mean),
  };
}
