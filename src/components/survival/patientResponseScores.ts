import {aggregateByGroup} from "../stats/aggregateByGroup.js";
import type {PredictionRow} from "../stats/evaluatePredictions.js";
import type {Aggregation, ResponseLabel} from "../study/vocabulary.js";

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
 * evaluation does (evaluation.aggregation, default the mean of the patches' vectors), in first-seen order. The
 * survival and readers analyses score patients with this, so their score is the one Fig 5b draws.
 */
export function patientResponseScores(
  rows: readonly PredictionRow[],
  aggregation: Aggregation = "mean",
): PatientResponseScore[] {
  const groups = aggregateByGroup(
    rows.map((r) => `${r.cohort}\u0000${r.patientId}`),
    rows.map((r) => r.probabilities),
    aggregation,
  );
  return groups.map((g) => {
    const row = rows[g.first] as PredictionRow;
    const p = g.mean as [number, number, number, number];
    return {patientId: row.patientId, cohort: row.cohort, label: row.label, probabilities: p, score: p[0] + p[1]};
  });
}
