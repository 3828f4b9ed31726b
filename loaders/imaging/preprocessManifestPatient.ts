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

export async function preprocessManifestPatient(
  patient: ManifestPatient,
  config: StudyConfig,
  options: PreprocessOptions = {},
  read: ReadPatient = readWithItk,
): Promise<PatientOutcome> {
  const warnings: string[] = [];
  const who = {patientId: patient.patientId, cohort: patient.cohort, warnings};
  try {
    const volumes = await read(patient, config, (message) => warnings.push(message));
    const patches = preprocessPatient({...patient, ...volumes, maskFile: patient.mask}, config, options);
    return {...who, ok: true, patches};
  } catch (error) {
    return {...who, ok: false, exclusion: toExclusion(error, patient)};
  }
}

/** The worker pool's entry point (workerPool.ts): one patient per task, the configuration shared once. */
export function preprocessTask(
  patient: ManifestPatient,
  shared: {config: StudyConfig; options: PreprocessOptions},
): Promise<PatientOutcome> {
  return preprocessManifestPatient(patient, shared.config, shared.options);
}
