import {aggregateByGroup} from "../../src/components/stats/aggregateByGroup.js";
import type {PatientPrediction} from "../../src/components/stats/patientPrediction.js";
import {type Aggregation, ResponseLabels} from "../../src/components/study/vocabulary.js";

/**
 * Patch rows of one cohort to patient level: each patient's probabilities aggregated (aggregateByGroup, patients in
 * first-seen order) and its label as a class index, for the analyses that refit the head.
 */
export function patientLevel(
  rows: ReadonlyArray<{patientId: string; label: string; probabilities: readonly number[]}>,
  aggregation: Aggregation,
): Array<PatientPrediction & {patientId: string}> {
  const labelOf = new Map(rows.map((r) => [r.patientId, r.label]));
  return aggregateByGroup(
    rows.map((r) => r.patientId),
    rows.map((r) => r.probabilities),
    aggregation,
  ).map((g) => ({
    patientId: g.key,
    label: (ResponseLabels as readonly string[]).indexOf(labelOf.get(g.key) as string),
    probabilities: g.mean,
  }));
}
