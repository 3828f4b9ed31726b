import type {PredictionRow} from "../stats/evaluatePredictions.js";

/**
 * One rung's predictions averaged over its seeds: each patch's probability vector is the mean of its vectors under
 * the seeds. This is what the rung's paired tests and its rows in ablation-predictions.csv use, so that `workbench
 * evaluate --paired` on that file reproduces the page. Every seed must score the same patches in the same order.
 */
export function seedAverage(perSeed: ReadonlyArray<readonly PredictionRow[]>): PredictionRow[] {
  const first = perSeed[0];
  if (first === undefined) throw new RangeError("seedAverage: expected at least one seed, got none");
  for (const [s, rows] of perSeed.entries()) {
    if (rows.length !== first.length)
      throw new RangeError(`seedAverage: seed ${s} scored ${rows.length} rows, expected ${first.length}`);
    rows.forEach((r, i) => {
      const f = first[i] as PredictionRow;
      if (r.patchId !== f.patchId || r.patientId !== f.patientId || r.cohort !== f.cohort)
        throw new RangeError(`seedAverage: seed ${s}, row ${i} is patch ${r.patchId}, expected ${f.patchId}`);
    });
  }
  const k = perSeed.length;
  return first.map((row, i) => {
    const p = [0, 0, 0, 0];
    for (const rows of perSeed) {
      const q = (rows[i] as PredictionRow).probabilities;
      for (let c = 0; c < 4; c++) p[c] = (p[c] as number) + (q[c] as number);
    }
    return {...row, probabilities: p.map((v) => v / k) as unknown as PredictionRow["probabilities"]};
  });
}
