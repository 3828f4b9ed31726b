import {aggregatePatients} from "../../src/components/stats/aggregatePatients.js";
import type {PatientPrediction} from "../../src/components/stats/patientPrediction.js";
import type {Aggregation} from "../../src/components/study/vocabulary.js";

/**
 * Patch rows of one cohort to patient level for the analyses that refit the head: `aggregatePatients` (patients in
 * first-seen order, the configured aggregation, the label as a class index), in the refit toolkit's shape.
 */
export function patientLevel(
  rows: ReadonlyArray<{patientId: string; label: string; probabilities: readonly number[]}>,
  aggregation: Aggregation,
): Array<PatientPrediction & {patientId: string}> {
  return aggregatePatients(rows, {aggregation}).map(({patientId, label, probabilities}) => ({
    patientId,
    label,
    probabilities,
  }));
}
