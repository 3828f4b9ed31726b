import {auc} from "./auc.js";
import {argmax} from "./confusionMatrix.js";
import {objectiveResponse} from "./objectiveResponse.js";

/**
 * The patient-level metrics the optimism correction reports, for the patients `units` (repeats count, as in a
 * bootstrap draw): the objective-response AUC (P(CR) + P(PR)), the accuracy of the most probable class (ties to the
 * first class, as the confusion matrix), and each class's one-vs-rest AUC. Null where undefined (no cases or no
 * controls). Classes are indexed [CR, PR, SD, PD].
 */
export const ResponseMetricKeys = ["objectiveResponseAuc", "accuracy", "CR", "PR", "SD", "PD"] as const;
export type ResponseMetricKey = (typeof ResponseMetricKeys)[number];

export function responseMetrics(
  truth: ArrayLike<number>,
  probabilities: ReadonlyArray<ArrayLike<number>>,
  units: readonly number[],
): Record<ResponseMetricKey, number | null> {
  const t = units.map((u) => truth[u] as number);
  const p = units.map((u) => {
    const row = probabilities[u];
    if (!row) throw new RangeError(`responseMetrics: unit ${u} is out of range`);
    return row;
  });
  if (t.length === 0) return {objectiveResponseAuc: null, accuracy: null, CR: null, PR: null, SD: null, PD: null};
  const or = objectiveResponse(t, p);
  let correct = 0;
  p.forEach((row, i) => {
    if (argmax(row) === t[i]) correct++;
  });
  const oneVsRest = (c: number) =>
    auc(
      t.map((k) => (k === c ? 1 : 0)),
      p.map((row) => row[c] as number),
    );
  return {
    objectiveResponseAuc: auc(or.outcome, or.score),
    accuracy: correct / t.length,
    CR: oneVsRest(0),
    PR: oneVsRest(1),
    SD: oneVsRest(2),
    PD: oneVsRest(3),
  };
}
