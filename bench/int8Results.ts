// What the int8 backbone changes in the results (issue #26): the demo study run twice on the same patches, once with
// the FP32 backbone (the default) and once with `model.engine: "onnx-int8"`, each with the ablation, the optimism
// bootstrap and the geometry sensitivity off (they do not bear on the comparison and would only cost time). For each
// external cohort, the corrected protocol's objective-response AUC (patient level) under both, and the paired DeLong
// ΔAUC (int8 − FP32) with its 95% CI, the same patients scored by both heads. The FP32 run reuses the build's cached
// embeddings; the int8 run calibrates its graph on the training cohort (cached beside the weights) and embeds anew.
// Standalone: `node --import tsx bench/int8Results.ts`; in the table: `npm run bench -- int8`.
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {EmbeddingAgreement} from "../loaders/features/onnx/embeddingAgreement.js";
import {repoRoot} from "../loaders/paths.js";
import {type PipelineResult, runPipeline} from "../loaders/pipeline/runPipeline.js";
import {stderrProgress} from "../loaders/runtime/stderrProgress.js";
import {aggregatePatients} from "../src/components/stats/aggregatePatients.js";
import {delongTest} from "../src/components/stats/pairedDelong.js";

interface Row {
  name: string;
  value: number;
  unit: string;
}

export interface Int8CohortResult {
  cohort: string;
  patients: number;
  fp32Auc: number;
  int8Auc: number;
  deltaAuc: number;
  ci: [number, number];
  p: number;
}

const Quick = {ablation: {enabled: false}, optimism: {replicates: 0}, sensitivity: {geometries: []}};

async function run(study: object, name: string): Promise<{result: PipelineResult; seconds: number}> {
  const dir = mkdtempSync(join(tmpdir(), "workbench-int8-"));
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(study));
  const started = performance.now();
  const result = await runPipeline(
    {repo: repoRoot, studyPath: path},
    {log: (m) => process.stderr.write(`${name}: ${m}\n`), progress: stderrProgress()},
  );
  return {result, seconds: (performance.now() - started) / 1000};
}

/** Objective response (CR or PR) and P(CR) + P(PR) of each patient of `cohort`, keyed by patient. */
function patients(result: PipelineResult, cohort: string): Map<string, {responder: number; score: number}> {
  const rows = result.models.corrected.predictions.filter((p) => p.cohort === cohort);
  const aggregated = aggregatePatients(rows, {aggregation: result.config.evaluation.aggregation, cohort});
  return new Map(
    aggregated.map((p) => [
      p.patientId,
      {responder: p.label <= 1 ? 1 : 0, score: (p.probabilities[0] as number) + (p.probabilities[1] as number)},
    ]),
  );
}

export async function measureInt8Results(): Promise<{
  cohorts: Int8CohortResult[];
  engines: string[];
  seconds: number[];
  agreement: EmbeddingAgreement | null;
}> {
  const fp32 = await run(Quick, "fp32");
  const int8 = await run({...Quick, model: {engine: "onnx-int8"}}, "int8");
  const engines = [fp32.result.models.corrected.provenance.engine, int8.result.models.corrected.provenance.engine];
  if (engines[0] === engines[1]) throw new Error(`int8 bench: both runs used engine ${engines[0]}`);
  const cohorts = fp32.result.models.corrected.provenance.validationCohorts.map((cohort) => {
    const a = patients(fp32.result, cohort);
    const b = patients(int8.result, cohort);
    const ids = [...a.keys()].filter((id) => b.has(id));
    if (ids.length !== a.size || ids.length !== b.size)
      throw new Error(`int8 bench: ${cohort} has ${a.size} FP32 and ${b.size} int8 patients`);
    const outcome = ids.map((id) => a.get(id)!.responder);
    const test = delongTest(
      outcome,
      ids.map((id) => b.get(id)!.score),
      ids.map((id) => a.get(id)!.score),
    );
    if (!test) throw new Error(`int8 bench: ${cohort} has too few responders or non-responders for an AUC`);
    return {
      cohort,
      patients: ids.length,
      fp32Auc: test.auc2,
      int8Auc: test.auc1,
      deltaAuc: test.difference,
      ci: test.ci,
      p: test.p,
    };
  });
  const agreement = int8.result.models.corrected.provenance.int8Agreement ?? null;
  return {cohorts, engines, seconds: [fp32.seconds, int8.seconds], agreement};
}

export async function benchInt8Results(): Promise<Row[]> {
  const {cohorts, seconds, agreement} = await measureInt8Results();
  if (agreement)
    process.stderr.write(
      `int8 run's recorded agreement with FP32 (${agreement.sample}): cosine mean ${agreement.meanCosine.toFixed(4)}, min ${agreement.minCosine.toFixed(4)}\n`,
    );
  for (const c of cohorts)
    process.stderr.write(
      `int8 vs FP32, ${c.cohort} (${c.patients} patients): objective-response AUC ${c.int8Auc.toFixed(4)} vs ${c.fp32Auc.toFixed(4)}, ΔAUC ${c.deltaAuc.toFixed(4)} [${c.ci[0].toFixed(4)}, ${c.ci[1].toFixed(4)}], p ${c.p.toPrecision(3)}\n`,
    );
  return [
    ...cohorts.flatMap((c) => [
      {name: `${c.cohort} OR AUC, FP32 (corrected, patient)`, value: c.fp32Auc, unit: "AUC"},
      {name: `${c.cohort} OR AUC, int8`, value: c.int8Auc, unit: "AUC"},
      {name: `${c.cohort} ΔAUC int8 − FP32 (paired DeLong)`, value: c.deltaAuc, unit: "AUC"},
      {name: `${c.cohort} ΔAUC 95% CI, lower`, value: c.ci[0], unit: "AUC"},
      {name: `${c.cohort} ΔAUC 95% CI, upper`, value: c.ci[1], unit: "AUC"},
    ]),
    ...(agreement
      ? [
          {
            name: "int8 run: cosine with FP32, mean (held-out training patches)",
            value: agreement.meanCosine,
            unit: "cos",
          },
          {name: "int8 run: cosine with FP32, min", value: agreement.minCosine, unit: "cos"},
        ]
      : []),
    {name: "FP32 run (embeddings cached by the build)", value: seconds[0] as number, unit: "s"},
    {name: "int8 run (calibration + int8 embeddings)", value: seconds[1] as number, unit: "s"},
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureInt8Results();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
