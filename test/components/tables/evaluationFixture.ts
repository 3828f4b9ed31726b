import type {PredictionRow} from "../../../src/components/stats/evaluatePredictions.js";
import {createRng} from "../../../src/components/stats/random.js";
import {ResponseLabels} from "../../../src/components/study/vocabulary.js";

/**
 * A seeded cohort "X" of `patients` patients with 3 patches each: the true class gets extra probability mass, so
 * the AUCs are informative but below 1 and every class has cases and controls.
 */
export function predictionRows(patients = 24, seed = 7): PredictionRow[] {
  const rng = createRng(seed);
  const out: PredictionRow[] = [];
  for (let i = 0; i < patients; i++) {
    const k = i % 4;
    for (let j = 0; j < 3; j++) {
      const raw = ResponseLabels.map((_, c) => (c === k ? 1.5 : 1) + rng.next());
      const sum = raw.reduce((a, b) => a + b, 0);
      out.push({
        patientId: `p${i}`,
        cohort: "X",
        label: ResponseLabels[k] as PredictionRow["label"],
        patchId: `p${i}-${j}`,
        probabilities: raw.map((v) => v / sum) as unknown as PredictionRow["probabilities"],
      });
    }
  }
  return out;
}
