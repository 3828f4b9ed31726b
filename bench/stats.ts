// Statistics engine timings: stratified bootstrap AUC CIs (today's beside the one before #26, with the speed-up and
// whether the intervals are identical) and a full `evaluatePredictions` on a generated file.
// Run alone with `node --import tsx bench/stats.ts`, or through `npm run bench -- stats`.
import {type BootstrapCi, bootstrapAucCi} from "../src/components/stats/bootstrapAuc.js";
import {evaluatePredictions, type PredictionRow} from "../src/components/stats/evaluatePredictions.js";
import {createRng} from "../src/components/stats/random.js";
import {ResponseLabels} from "../src/components/study/vocabulary.js";
import {bootstrapAucCiBefore} from "./bootstrapAucBefore.js";

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

/** Best of `runs` timings of each of `a` and `b`, run alternately (so load from elsewhere hits both alike). */
function bestOf<A, B>(runs: number, a: () => A, b: () => B): {a: A; b: B; msA: number; msB: number} {
  let msA = Number.POSITIVE_INFINITY;
  let msB = Number.POSITIVE_INFINITY;
  let ra: A | undefined;
  let rb: B | undefined;
  for (let k = 0; k < runs; k++) {
    let t0 = performance.now();
    ra = a();
    msA = Math.min(msA, performance.now() - t0);
    t0 = performance.now();
    rb = b();
    msB = Math.min(msB, performance.now() - t0);
  }
  return {a: ra as A, b: rb as B, msA, msB};
}

function identical(x: BootstrapCi | null, y: BootstrapCi | null): boolean {
  return JSON.stringify(x) === JSON.stringify(y) && x?.ci[0] === y?.ci[0] && x?.ci[1] === y?.ci[1];
}

export async function benchStats(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of [400, 10_000]) {
    const {y, s} = binaryData(n, n);
    bootstrapAucCi(y, s, {replicates: 50, seed: 1}); // warm-up
    bootstrapAucCiBefore(y, s, 50, 1);
    const run = bestOf(
      3,
      () => bootstrapAucCi(y, s, {replicates: 2000, seed: 1}),
      () => bootstrapAucCiBefore(y, s, 2000, 1),
    );
    const name = `bootstrap AUC CI, 2000 replicates, n = ${n}`;
    rows.push({name, value: run.msA, unit: "ms"});
    rows.push({name: `${name}, before #26`, value: run.msB, unit: "ms"});
    rows.push({name: `${name}, speed-up (before / now)`, value: run.msB / run.msA, unit: "×"});
    rows.push({name: `${name}, interval identical to before`, value: identical(run.a, run.b) ? 1 : 0, unit: "1 = yes"});
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
