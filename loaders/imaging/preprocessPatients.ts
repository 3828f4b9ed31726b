import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {ManifestPatient} from "../cohort/manifest.js";
import {runPool} from "../runtime/workerPool.js";
import {
  type CutRequest,
  cutPatient,
  type PatientOutcome,
  type ReadPatient,
  sameReading,
} from "./preprocessManifestPatient.js";
import type {PreprocessOptions} from "./preprocessPatient.js";

/**
 * Preprocesses a list of manifest patients, one per task, on `jobs` worker threads (in this thread when jobs is 1 or
 * a custom reader is given: a function cannot cross into a worker). Outcomes come back in the list's order, so what
 * is built from them is byte-identical for any jobs.
 */
export interface PreprocessPatientsOptions extends PreprocessOptions {
  jobs?: number;
  /** Reads one patient (tests pass in-memory volumes); default itk-wasm on the manifest's files. */
  read?: ReadPatient;
  /** Each finished patient, in completion order, with the count finished so far. */
  onOutcome?(outcome: PatientOutcome, index: number, finished: number): void;
}

export async function preprocessPatients(
  patients: readonly ManifestPatient[],
  config: StudyConfig,
  options: PreprocessPatientsOptions = {},
): Promise<PatientOutcome[]> {
  const {jobs, read, onOutcome, ...preprocess} = options;
  const cut = await cutPatients(patients, [{config, options: preprocess}], {
    ...(jobs === undefined ? {} : {jobs}),
    ...(read ? {read} : {}),
    ...(onOutcome ? {onPatient: (outcomes, index, finished) => onOutcome(outcomes[0]!, index, finished)} : {}),
  });
  return cut.outcomes[0]!;
}

export interface CutPatientsOptions {
  jobs?: number;
  read?: ReadPatient;
  /** Each finished patient's outcomes (one per request), in completion order, with the count finished so far. */
  onPatient?(outcomes: PatientOutcome[], index: number, finished: number): void;
}

/**
 * Every patient read once and cut under every request (cutPatient). `outcomes[r]` is request r's outcomes in the
 * list's order, the same as preprocessPatients with that request alone; `seconds[r]` sums request r's per-patient
 * time (worker time, not wall time; the reads are charged to the first request).
 */
export async function cutPatients(
  patients: readonly ManifestPatient[],
  requests: readonly CutRequest[],
  options: CutPatientsOptions = {},
): Promise<{outcomes: PatientOutcome[][]; seconds: number[]}> {
  if (!sameReading(requests)) throw new Error("cutPatients: the requests read the files differently (imaging.*)");
  const {jobs, read, onPatient} = options;
  const perPatient = await runPool<ManifestPatient, {outcomes: PatientOutcome[]; seconds: number[]}>({
    module: new URL("./preprocessManifestPatient.ts", import.meta.url),
    exportName: "preprocessTask",
    tasks: patients,
    ...(jobs === undefined ? {} : {jobs}),
    shared: {requests},
    ...(read ? {inThread: (patient) => cutPatient(patient, requests, read)} : {}),
    onResult: (index, cut, finished) => onPatient?.(cut.outcomes, index, finished),
  });
  return {
    outcomes: requests.map((_, r) => perPatient.map((p) => p.outcomes[r]!)),
    seconds: requests.map((_, r) => perPatient.reduce((sum, p) => sum + p.seconds[r]!, 0)),
  };
}
