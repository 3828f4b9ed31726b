import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {type ManifestPatient, readManifest} from "../cohort/manifest.js";
import {assembleStudy, patientOrder} from "./assembleStudy.js";
import type {PreprocessedStudy} from "./preprocessedStudy.js";
import type {PreprocessOptions} from "./preprocessPatient.js";
import {preprocessPatients} from "./preprocessPatients.js";
import type {Volume} from "./volume.js";

/**
 * Manifest + config → patches per cohort, the flow report, the clinical table and per-patient geometry.
 * Patients run one per task on `jobs` worker threads (preprocessPatients.ts; default one per core), each holding one
 * patient in memory at a time; a bad patient becomes an exclusion and the others carry on. The study is assembled
 * from the outcomes in one fixed order (assembleStudy.ts: cohorts in order of first appearance, patients in manifest
 * order), so it depends only on the files and the config — not on jobs, nor on shards — and the pipeline can cache it
 * by content hash.
 */
export interface PreprocessEffects {
  log(message: string): void;
  progress?(cohort: string, done: number, total: number): void;
  /** Reads and validates one patient; defaults to itk-wasm on the manifest's files (tests pass in-memory volumes). */
  readPatient?(
    patient: ManifestPatient,
    config: StudyConfig,
    warn: (message: string) => void,
  ): Promise<{image: Volume<Float32Array>; mask: Volume<Uint8Array>}>;
}

export async function preprocessStudy(
  manifestPath: string,
  config: StudyConfig,
  effects: PreprocessEffects,
  options: PreprocessOptions & {jobs?: number} = {},
): Promise<PreprocessedStudy> {
  const manifest = await readManifest(manifestPath, config.clinical.columns);
  for (const w of manifest.warnings) effects.log(`warning: ${w}`);
  for (const problem of manifest.problems) effects.log(`excluded: ${problem.reason}`);
  const order = patientOrder(manifest);
  // Progress per cohort, counted as patients finish (in any order when a pool runs them).
  const totals = new Map<string, number>();
  for (const p of order) totals.set(p.cohort, (totals.get(p.cohort) ?? 0) + 1);
  const done = new Map<string, number>();
  for (const [cohort, total] of totals) effects.progress?.(cohort, 0, total);
  const outcomes = await preprocessPatients(order, config, {
    ...options,
    ...(effects.readPatient ? {read: effects.readPatient} : {}),
    onOutcome: (outcome) => {
      for (const w of outcome.warnings) effects.log(`warning: ${w}`);
      if (!outcome.ok) effects.log(`excluded: ${outcome.exclusion.reason}`);
      done.set(outcome.cohort, (done.get(outcome.cohort) ?? 0) + 1);
      effects.progress?.(outcome.cohort, done.get(outcome.cohort)!, totals.get(outcome.cohort)!);
    },
  });
  return assembleStudy(manifest, outcomes, config, options);
}
