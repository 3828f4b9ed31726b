/** Why a patient did not reach the analysis: one entry per excluded patient, feeding the flow diagram. */
export const ExclusionKinds = [
  "manifestRow",
  "unknownLabel",
  "duplicatePatient",
  "fileMissing",
  "unreadableImage",
  "gridMismatch",
  "emptyMask",
  "maskLabels",
  "tumourTooSmall",
] as const;
export type ExclusionKind = (typeof ExclusionKinds)[number];

export interface Exclusion {
  patientId: string;
  cohort?: string;
  kind: ExclusionKind;
  /** The file at fault, when one is. */
  file?: string;
  /** A full sentence naming the patient and the file. */
  reason: string;
}

/** An error that already knows which exclusion it becomes (thrown by the per-patient readers and checks). */
export class PatientError extends Error {
  override name = "PatientError";
  constructor(
    readonly kind: ExclusionKind,
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}
