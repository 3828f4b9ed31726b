import {auc} from "../stats/auc.js";
import {argmax} from "../stats/confusionMatrix.js";
import type {PredictionRow} from "../stats/evaluatePredictions.js";
import {objectiveResponse} from "../stats/objectiveResponse.js";
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
  if (truth.length === 0) return {objectiveResponseAuc: null, accuracy: null, macroAuc: null};
  const or = objectiveResponse(truth, probabilities);
  let correct = 0;
  probabilities.forEach((p, i) => {
    if (argmax(p) === truth[i]) correct++;
  });
  const perClass = [0, 1, 2, 3]
    .map((c) =>
      auc(
        truth.map((t) => (t === c ? 1 : 0)),
        probabilities.map((p) => p[c] as number),
      ),
    )
    .filter((a): a is number => a !== null);
  return {
    objectiveResponseAuc: auc(or.outcome, or.score),
    accuracy: correct / truth.length,
    macroAuc: perClass.length === 0 ? null : perClass.reduce((s, a) => s + a, 0) / perClass.length,
  };
}
