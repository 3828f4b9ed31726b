import type {PredictionRow} from "../stats/evaluatePredictions.js";
import {responseMetrics} from "../stats/responseMetrics.js";
import {patientScores} from "./patientScores.js";

/**
 * The ladder's patient-level metrics of one seed's predictions in one cohort: the AUC of objective response
 * (P(CR) + P(PR)), accuracy of the most probable class (ties go to the first class, as the confusion matrix), and
 * the macro one-vs-rest AUC over the classes that have both cases and controls. Null where undefined.
 */
export interface RungCohortValues {
  objectiveResponseAuc: number | null;
  accuracy: number | null;
  macroAuc: number | null;
}

export function rungMetrics(rows: readonly PredictionRow[], cohort: string): RungCohortValues {
  const {truth, probabilities} = patientScores(rows, cohort);
  const m = responseMetrics(
    truth,
    probabilities,
    truth.map((_, i) => i),
  );
  const perClass = [m.CR, m.PR, m.SD, m.PD].filter((a): a is number => a !== null);
  return {
    objectiveResponseAuc: m.objectiveResponseAuc,
    accuracy: m.accuracy,
    macroAuc: perClass.length === 0 ? null : perClass.reduce((s, a) => s + a, 0) / perClass.length,
  };
}
