import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {type ManifestPatient, readManifest} from "../cohort/manifest.js";
import {assembleStudy, patientOrder} from "./assembleStudy.js";
import type {PreprocessedStudy} from "./preprocessedStudy.js";
import type {CutRequest} from "./preprocessManifestPatient.js";
import type {PreprocessOptions} from "./preprocessPatient.js";
import {cutPatients} from "./preprocessPatients.js";
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
  /**
   * Patients finished over the whole study. One count, not one per cohort: the pool works through the cohorts in
   * turn, so a cohort's clock started with the study's would show a rate that is far too low for the later ones.
   */
  progress?(done: number, total: number): void;
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
  const {jobs, ...preprocess} = options;
  const {studies} = await preprocessStudies(manifestPath, [{config, options: preprocess}], effects, {
    ...(jobs === undefined ? {} : {jobs}),
  });
  return studies[0]!;
}

/**
 * The study cut under several requests (the main run and the geometry sensitivity analysis's other geometries) in
 * one pass: each patient is read once and cut under every request, and each request's study is assembled exactly as
 * preprocessStudy would assemble it alone (byte-identical). The requests must share imaging.* and clinical.* (they
 * decide how the files and the manifest are read; only patches.* and the context crops may differ). `seconds[r]`
 * apportions the pass's wall time by each request's share of the work (the reads charged to the first).
 */
export async function preprocessStudies(
  manifestPath: string,
  requests: readonly CutRequest[],
  effects: PreprocessEffects,
  options: {jobs?: number} = {},
): Promise<{studies: PreprocessedStudy[]; seconds: number[]}> {
  const first = requests[0];
  if (!first) throw new Error("preprocessStudies: no cut requests");
  const clinical = JSON.stringify(first.config.clinical);
  if (requests.some((r) => JSON.stringify(r.config.clinical) !== clinical)) {
    throw new Error("preprocessStudies: the requests read the manifest differently (clinical.*)");
  }
  const start = performance.now();
  const manifest = await readManifest(manifestPath, first.config.clinical.columns);
  for (const w of manifest.warnings) effects.log(`warning: ${w}`);
  for (const problem of manifest.problems) effects.log(`excluded: ${problem.reason}`);
  const order = patientOrder(manifest);
  // Counted as patients finish (in any order when a pool runs them).
  let done = 0;
  effects.progress?.(0, order.length);
  const cut = await cutPatients(order, requests, {
    ...(options.jobs === undefined ? {} : {jobs: options.jobs}),
    ...(effects.readPatient ? {read: effects.readPatient} : {}),
    onPatient: (outcomes) => {
      const head = outcomes[0]!;
      // The read's warnings are the same for every request; exclusions may differ (a geometry can find a tumour too
      // small), so each distinct one is logged.
      for (const w of head.warnings) effects.log(`warning: ${w}`);
      const reasons = new Set(outcomes.flatMap((o) => (o.ok ? [] : [o.exclusion.reason])));
      for (const reason of reasons) effects.log(`excluded: ${reason}`);
      effects.progress?.(++done, order.length);
    },
  });
  const studies = requests.map((r, i) => assembleStudy(manifest, cut.outcomes[i]!, r.config, r.options));
  const wall = (performance.now() - start) / 1000;
  const work = cut.seconds.reduce((a, b) => a + b, 0);
  const seconds = cut.seconds.map((s, i) => (work > 0 ? (wall * s) / work : i === 0 ? wall : 0));
  return {studies, seconds};
}
