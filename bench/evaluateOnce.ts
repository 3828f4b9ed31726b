// One evaluate measurement in its own process, so its peak memory (maxRSS) is its own: a predictions CSV of
// `patients` patients × `patches` patches (patch level; patches = 0 → one row per patient, no patch_id) is written,
// then read with the strict reader and evaluated with `bootstrap` replicates, as `workbench evaluate` does.
// Prints one JSON line. Used by bench/evaluate.ts; run alone: node --import tsx bench/evaluateOnce.ts 20000 0 1000
import {readPredictionsCsv} from "../src/components/predictions/readPredictionsCsv.js";
import {writePredictionsCsv} from "../src/components/predictions/writePredictionsCsv.js";
import {evaluatePredictions} from "../src/components/stats/evaluatePredictions.js";
import {syntheticPredictions} from "./stats.js";

const [patients = 20_000, patches = 0, bootstrap = 1000] = process.argv.slice(2).map(Number);
const generated = syntheticPredictions(patients, Math.max(1, patches), 1);
if (patches === 0) for (const r of generated) delete r.patchId;
const text = writePredictionsCsv(generated);
const t0 = performance.now();
const {rows} = readPredictionsCsv(text, "bench.csv");
const t1 = performance.now();
evaluatePredictions(rows, {bootstrap, seed: 1, ciLevel: 0.95});
const t2 = performance.now();
const result = {
  rows: rows.length,
  readMs: t1 - t0,
  evaluateMs: t2 - t1,
  maxRssMB: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
