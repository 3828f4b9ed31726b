import {join} from "node:path";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import {runPool} from "../runtime/workerPool.js";
import {centreProtocols, centreSpacing} from "./centreProtocols.js";
import {clinicalLinks} from "./clinical.js";
import {drawOutcomes, outcomeModel, readersCsv, survivalCsv} from "./outcomes.js";
import {type Centre, Centres} from "./paperTable1.js";
import {phenotypeModel} from "./phenotype.js";
import {type PatientPlan, planStudy, resolveCounts} from "./planStudy.js";
import {clinicalCsv, manifestCsv, type StudyRow} from "./studyCsv.js";
import {type SynthScale, SynthScales, scaleGeometry, synthCounts} from "./synthScales.js";
import {type SynthOutcome, synthesizeAndWrite} from "./synthTask.js";
import {nodeSynthWriter, type SynthWriter} from "./synthWriter.js";

export {synthCounts};

/** Bumped whenever the same (seed, scale) would produce different files. */
export const SynthVersion = "1.2.0";

export interface GenerateStudyOptions {
  outDir: string;
  /** "tiny" is for tests. */
  scale: SynthScale;
  seed: number;
  /** Patients per centre, overriding synthCounts[scale] (tests, benchmarks). */
  counts?: Partial<Record<Centre, number>>;
  /** Worker threads, one patient per task (default one per core); the files are the same for any value. */
  jobs?: number;
}

export interface GenerateStudyEffects {
  log(message: string): void;
  progress?(done: number, total: number): void;
}

export interface GenerateStudyResult {
  manifestPath: string;
  /** Patients written to the manifest. */
  patients: number;
  /** Patients that failed to generate (none expected; listed rather than aborting the study). */
  failures: Array<{patientId: string; message: string}>;
}

function validate(options: GenerateStudyOptions): void {
  if (typeof options.outDir !== "string" || options.outDir.trim() === "") {
    throw new TypeError(`generateStudy: outDir must be a non-empty path, got ${JSON.stringify(options.outDir)}`);
  }
  if (!(SynthScales as readonly string[]).includes(options.scale)) {
    throw new RangeError(
      `generateStudy: scale must be one of ${SynthScales.join("|")}, got ${JSON.stringify(options.scale)}`,
    );
  }
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) {
    throw new RangeError(`generateStudy: seed must be a non-negative integer, got ${options.seed}`);
  }
}

/**
 * Writes a synthetic three-centre study: CT volumes and ROI masks as NIfTI (.nii.gz, via itk-wasm, so the study is
 * read back by the same code as real data), `study.csv` (the manifest), `clinical.csv`, the follow-up (`readers.csv`, `survival.csv`: outcomes.ts) and `synth.json`
 * (provenance: seed, scale, version, centre protocols, phenotype model, counts). Volumes are a pure function of
 * (seed, scale, patient); the same seed gives byte-identical files.
 */
export async function generateStudy(
  options: GenerateStudyOptions,
  effects: GenerateStudyEffects,
  writer: SynthWriter = nodeSynthWriter,
): Promise<GenerateStudyResult> {
  validate(options);
  const {outDir, scale, seed} = options;
  const plans = planStudy({scale, seed, counts: options.counts});
  await writer.mkdir(join(outDir, "images"));
  await writer.mkdir(join(outDir, "masks"));
  effects.log(`synth: generating ${plans.length} patients (scale ${scale}, seed ${seed}) into ${outDir}`);

  const rows: StudyRow[] = [];
  const failures: GenerateStudyResult["failures"] = [];
  const started = Date.now();
  const onResult = (index: number, result: SynthOutcome, finished: number) => {
    if (!result.ok) effects.log(`synth: patient ${plans[index]!.patientId} failed and is left out: ${result.message}`);
    effects.progress?.(finished, plans.length);
  };
  // Written files do not depend on which thread wrote them; a custom writer (tests) cannot cross into a worker.
  const outcomes = await runPool<PatientPlan, SynthOutcome>({
    module: new URL("./synthTask.ts", import.meta.url),
    exportName: "synthTask",
    tasks: plans,
    jobs: options.jobs,
    shared: {outDir, scale},
    onResult,
    ...(writer === nodeSynthWriter ? {} : {inThread: (plan) => synthesizeAndWrite(plan, outDir, scale, writer)}),
  });
  // Rows in plan order, whatever order the patients finished in.
  for (const [index, outcome] of outcomes.entries()) {
    const plan = plans[index]!;
    if (outcome.ok) rows.push({plan, ...outcome.row});
    else failures.push({patientId: plan.patientId, message: outcome.message});
  }

  const manifestPath = join(outDir, "study.csv");
  await writer.writeText(manifestPath, manifestCsv(rows));
  await writer.writeText(join(outDir, "clinical.csv"), clinicalCsv(rows));
  const followUp = drawOutcomes(
    rows.map((r) => r.plan),
    seed,
  );
  await writer.writeText(join(outDir, "readers.csv"), readersCsv(followUp));
  await writer.writeText(join(outDir, "survival.csv"), survivalCsv(followUp));
  await writer.writeText(
    join(outDir, "synth.json"),
    `${JSON.stringify(provenance(options, rows, failures), null, 2)}\n`,
  );
  const seconds = (Date.now() - started) / 1000;
  effects.log(
    `synth: wrote ${rows.length} patients in ${seconds.toFixed(1)} s (${(seconds / Math.max(1, plans.length)).toFixed(2)} s/patient)`,
  );
  return {manifestPath, patients: rows.length, failures};
}

function labelCounts(plans: readonly PatientPlan[]): Record<string, number> {
  return Object.fromEntries(ResponseLabels.map((l) => [l, plans.filter((p) => p.label === l).length]));
}

/** synth.json: everything needed to say what this study is and to regenerate it. No timings (files stay identical). */
export function provenance(
  options: GenerateStudyOptions,
  rows: readonly StudyRow[],
  failures: GenerateStudyResult["failures"],
) {
  const counts = resolveCounts(options);
  return {
    generator: "tace-workbench synth",
    version: SynthVersion,
    synthetic: true,
    seed: options.seed,
    scale: options.scale,
    counts: Object.fromEntries(
      Centres.map((c) => {
        const plans = rows.filter((r) => r.plan.cohort === c).map((r) => r.plan);
        return [c, {requested: counts[c], written: plans.length, labels: labelCounts(plans)}];
      }),
    ),
    geometry: scaleGeometry[options.scale],
    centres: Object.fromEntries(
      Centres.map((c) => [c, {...centreProtocols[c], spacingMm: centreSpacing(c, options.scale)}]),
    ),
    phenotypeModel,
    clinicalLinks,
    outcomeModel,
    failures,
  };
}
