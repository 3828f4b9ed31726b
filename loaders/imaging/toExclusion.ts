import {type Exclusion, PatientError} from "../cohort/exclusion.js";
import type {ManifestPatient} from "../cohort/manifest.js";

/** Anything a patient throws becomes an exclusion that names the patient and, when known, the file. */
export function toExclusion(error: unknown, patient: ManifestPatient): Exclusion {
  const message = error instanceof Error ? error.message : String(error);
  const named = message.includes(patient.patientId) ? message : `patient ${patient.patientId}: ${message}`;
  if (error instanceof PatientError) {
    return {
      patientId: patient.patientId,
      cohort: patient.cohort,
      kind: error.kind,
      ...(error.file ? {file: error.file} : {}),
      reason: named,
    };
  }
  return {patientId: patient.patientId, cohort: patient.cohort, kind: "unreadableImage", reason: named};
}
