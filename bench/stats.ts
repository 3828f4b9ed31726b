// Statistics engine timings: stratified bootstrap AUC CIs and a full `evaluatePredictions` on a generated file.
// Run alone with `node --import tsx bench/stats.ts`, or through `npm run bench -- stats`.
import {bootstrapAucCi} from "../src/components/stats/bootstrapAuc.js";
import {evaluatePredictions, type PredictionRow} from "../src/components/stats/evaluatePredictions.js";
import {createRng} from "../src/components/stats/random.js";
import {ResponseLabels} from "../src/components/study/vocabulary.js";

interface Row {
  name: string;
  value: number;
  unit: string;
}

function binaryData(n: number, seed: number): {y: Uint8Array; s: Float64Array} {
  const rng = createRng(seed);
  const y = new Uint8Array(n);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.next() < 0.4 ? 1 : 0;
    s[i] = (y[i] as number) + rng.normal();
  }
  return {y, s};
}

/** `patients` patients, `patchesPerPatient` patches each, spread over three cohorts; seeded. */
export function syntheticPredictions(patients: number, patchesPerPatient: number, seed: number): PredictionRow[] {
  const rng = createRng(seed);
  const cohorts = ["NFH", "ZHHAJU", "SYUCC"];
  const rows: PredictionRow[] = [];
  for (let p = 0; p < patients; p++) {
    const k = rng.int(4);
    const cohort = cohorts[p % 3] as string;
    for (let j = 0; j < patchesPerPatient; j++) {
      const e = [0, 1, 2, 3].map((c) => Math.exp((c === k ? 1.5 : 0) + 0.8 * rng.normal()));
      const sum = e.reduce((a, b) => a + b, 0);
      rows.push({
        patientId: `P${p}`,
        cohort,
        label: ResponseLabels[k] as PredictionRow["label"],
        probabilities: e.map((v) => v / sum) as unknown as PredictionRow["probabilities"],
        patchId: `P${p}-${j}`,
      });
    }
  }
  return rows;
}

function time(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

export async function benchStats(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of [400, 10_000]) {
    const {y, s} = binaryData(n, n);
    bootstrapAucCi(y, s, {replicates: 50, seed: 1}); // warm-up
    rows.push({
      name: `bootstrap AUC CI, 2000 replicates, n = ${n}`,
      value: time(() => bootstrapAucCi(y, s, {replicates: 2000, seed: 1})),
      unit: "ms",
    });
  }
  const predictions = syntheticPredictions(800, 3, 1);
  rows.push({
    name: "evaluatePredictions, 2400 patches / 800 patients, 1000 replicates",
    value: time(() => evaluatePredictions(predictions, {bootstrap: 1000, seed: 1, ciLevel: 0.95})),
    unit: "ms",
  });
  const oneCohort = predictions.filter((r) => r.cohort === "NFH");
  rows.push({
    name: "evaluatePredictions, one cohort (800 patches), 1000 replicates",
    value: time(() => evaluatePredictions(oneCohort, {bootstrap: 1000, seed: 1, ciLevel: 0.95})),
    unit: "ms",
  });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchStats()) console.log(`${r.name.padEnd(70)} ${r.value.toFixed(1).padStart(9)} ${r.unit}`);
}
