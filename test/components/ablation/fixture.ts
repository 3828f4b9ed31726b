import type {PredictionRow} from "../../../src/components/stats/evaluatePredictions.js";
import {createRng} from "../../../src/components/stats/random.js";
import {ResponseLabels} from "../../../src/components/study/vocabulary.js";

/**
 * Seeded patch predictions for the ladder's tests: `patients` patients per cohort, `patches` patches each, labels
 * cycling CR…PD, and probabilities that favour the true class by `signal` (0 = noise).
 */
export function ladderRows(
  seed: number,
  {
    cohorts = ["A", "B"],
    patients = 24,
    patches = 3,
    signal = 1,
  }: Partial<{
    cohorts: string[];
    patients: number;
    patches: number;
    signal: number;
  }> = {},
): PredictionRow[] {
  const rng = createRng(seed);
  const rows: PredictionRow[] = [];
  for (const cohort of cohorts) {
    for (let i = 0; i < patients; i++) {
      const label = ResponseLabels[i % 4]!;
      for (let k = 0; k < patches; k++) {
        const raw = [0, 1, 2, 3].map((c) => rng.next() + (c === i % 4 ? signal * rng.next() : 0));
        const sum = raw.reduce((s, v) => s + v, 0);
        const p = raw.map((v) => v / sum) as unknown as PredictionRow["probabilities"];
        rows.push({patientId: `${cohort}-${i}`, cohort, label, probabilities: p, patchId: `${cohort}-${i}-p${k}`});
      }
    }
  }
  return rows;
}
