import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {ManifestPatient} from "../cohort/manifest.js";
import {runPool} from "../pipeline/workerPool.js";
import {type PatientOutcome, preprocessManifestPatient, type ReadPatient} from "./preprocessManifestPatient.js";
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
  if (read || (jobs ?? 2) <= 1) {
    const outcomes: PatientOutcome[] = [];
    for (const [index, patient] of patients.entries()) {
      const outcome = await preprocessManifestPatient(patient, config, preprocess, read);
      outcomes.push(outcome);
      onOutcome?.(outcome, index, index + 1);
    }
    return outcomes;
  }
  return runPool<ManifestPatient, PatientOutcome>({
    module: new URL("./preprocessManifestPatient.ts", import.meta.url),
    exportName: "preprocessTask",
    tasks: patients,
    jobs,
    shared: {config, options: preprocess},
    onResult: (index, outcome, finished) => onOutcome?.(outcome, index, finished),
  });
}
