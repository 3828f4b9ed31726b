import {isAbsolute, resolve} from "node:path";

/**
 * The predictions-only mode of the site: the report built from a predictions CSV (the format `workbench evaluate`
 * reads) with no images and no model. It is switched on by $WORKBENCH_PREDICTIONS, which the data loaders read where
 * they read $WORKBENCH_STUDY; `workbench report` sets it for its own build.
 */
export const PredictionsEnvVar = "WORKBENCH_PREDICTIONS";
/** An optional clinical CSV (patient_id + Table 1 columns) beside the predictions. */
export const ClinicalEnvVar = "WORKBENCH_CLINICAL";
/** "pseudonymous" (the default: a predictions file of real patients) or "as-is". */
export const PatientIdsEnvVar = "WORKBENCH_PATIENT_IDS";

export type PatientIdPolicy = "pseudonymous" | "as-is";

export interface PredictionsMode {
  /** Absolute path of the predictions CSV. */
  predictions: string;
  /** Absolute path of the clinical CSV, or null. */
  clinical: string | null;
  patientIds: PatientIdPolicy;
}

/**
 * The mode from the environment, or null when $WORKBENCH_PREDICTIONS is unset or empty (the usual image pipeline).
 * Relative paths are read against `cwd` (`npm run build` runs in the repository root).
 */
export function predictionsModeFromEnv(env: NodeJS.ProcessEnv, cwd: string): PredictionsMode | null {
  const predictions = env[PredictionsEnvVar];
  if (!predictions) return null;
  const ids = env[PatientIdsEnvVar] || "pseudonymous";
  if (ids !== "pseudonymous" && ids !== "as-is") {
    throw new Error(`${PatientIdsEnvVar}: expected pseudonymous or as-is, got "${ids}"`);
  }
  const clinical = env[ClinicalEnvVar];
  const at = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  return {predictions: at(predictions), clinical: clinical ? at(clinical) : null, patientIds: ids};
}
