import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {Exclusion} from "../cohort/exclusion.js";
import type {ManifestPatient} from "../cohort/manifest.js";
import {type PatientPatches, type PreprocessOptions, preprocessPatient} from "./preprocessPatient.js";
import {readPatientVolumes} from "./readPatientVolumes.js";
import {toExclusion} from "./toExclusion.js";
import type {Volume} from "./volume.js";

/**
 * One manifest patient, end to end: read and validate its files, cut its patches, and turn any failure into an
 * exclusion that names the patient and the file. The result is plain data (structured-cloneable, no functions), so a
 * worker thread or a shard on another machine can compute it and the study is assembled from the outcomes in manifest
 * order, identically whoever computed them. Warnings are returned, not logged, for the same reason.
 */
export type PatientOutcome = {patientId: string; cohort: string; warnings: string[]} & (
  | {ok: true; patches: PatientPatches}
  | {ok: false; exclusion: Exclusion}
);

export type ReadPatient = (
  patient: ManifestPatient,
  config: StudyConfig,
  warn: (message: string) => void,
) => Promise<{image: Volume<Float32Array>; mask: Volume<Uint8Array>}>;

export const readWithItk: ReadPatient = (patient, config, warn) =>
  readPatientVolumes(patient, config.imaging.tumourLabel, warn);

/** One way of cutting a study's patches: a configuration (its patches.* geometry) and whether to make context crops. */
export interface CutRequest {
  config: StudyConfig;
  options: PreprocessOptions;
}

/**
 * One patient read ONCE and cut under every request (the main run and each geometry of the sensitivity analysis):
 * reading and checking the files dominates a patient's time, cutting is cheap. Each request's outcome is exactly what
 * a cut under that request alone gives (the volumes are read-only to preprocessPatient). `seconds[r]` is the
 * time spent on request r, the read charged to the first, so a caller can say what each extra geometry cost.
 */
export async function cutPatient(
  patient: ManifestPatient,
  requests: readonly CutRequest[],
  read: ReadPatient = readWithItk,
): Promise<{outcomes: PatientOutcome[]; seconds: number[]}> {
  const first = requests[0];
  if (!first) throw new Error("cutPatient: no cut requests");
  const warnings: string[] = [];
  const who = (): Pick<PatientOutcome, "patientId" | "cohort" | "warnings"> => ({
    patientId: patient.patientId,
    cohort: patient.cohort,
    warnings: [...warnings],
  });
  const start = performance.now();
  let volumes: Awaited<ReturnType<ReadPatient>>;
  try {
    // The read depends on imaging.* only, which every request shares (sameReading); the first request's is used.
    volumes = await read(patient, first.config, (message) => warnings.push(message));
  } catch (error) {
    const exclusion = toExclusion(error, patient);
    const seconds = requests.map((_, r) => (r === 0 ? (performance.now() - start) / 1000 : 0));
    return {outcomes: requests.map(() => ({...who(), ok: false, exclusion})), seconds};
  }
  let mark = start;
  const outcomes: PatientOutcome[] = [];
  const seconds: number[] = [];
  for (const {config, options} of requests) {
    try {
      const patches = preprocessPatient({...patient, ...volumes, maskFile: patient.mask}, config, options);
      outcomes.push({...who(), ok: true, patches});
    } catch (error) {
      outcomes.push({...who(), ok: false, exclusion: toExclusion(error, patient)});
    }
    const now = performance.now();
    seconds.push((now - mark) / 1000);
    mark = now;
  }
  return {outcomes, seconds};
}

/** Requests can share one read only when they read the files the same way (imaging.* decides the tumour label). */
export function sameReading(requests: readonly CutRequest[]): boolean {
  const reading = (r: CutRequest) => JSON.stringify(r.config.imaging);
  return requests.every((r) => reading(r) === reading(requests[0]!));
}

/** The worker pool's entry point (workerPool.ts): one patient per task, the cut requests shared once. */
export function preprocessTask(
  patient: ManifestPatient,
  shared: {requests: CutRequest[]},
): Promise<{outcomes: PatientOutcome[]; seconds: number[]}> {
  return cutPatient(patient, shared.requests);
}
