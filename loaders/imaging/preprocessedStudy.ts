import type {ClinicalValue} from "../cohort/clinicalColumns.js";
import type {FlowReport} from "./flowReport.js";
import type {PatchSet} from "./patchSet.js";
import type {PatientGeometry} from "./patientGeometry.js";

/** What preprocessing produces for a whole study (preprocessStudy.ts), and what the patch store holds. */
export interface ClinicalRow {
  patient_id: string;
  cohort: string;
  label: string;
  /** False when the patient was excluded (Table 1 describes the analysed patients; the flow diagram the rest). */
  analysed: boolean;
  [column: string]: ClinicalValue | boolean;
}

export interface PreprocessedStudy {
  cohorts: Record<string, PatchSet>;
  flow: FlowReport;
  clinical: ClinicalRow[];
  clinicalColumns: string[];
  geometry: PatientGeometry[];
  /** Non-fatal findings (skipped non-DICOM files, clinical values kept as written, SEG segment chosen). */
  warnings: string[];
}

/** Patches across the study's cohorts: the value the preprocess stage stores, however it was computed. */
export function patchCount(study: Pick<PreprocessedStudy, "cohorts">): number {
  return Object.values(study.cohorts).reduce((n, set) => n + set.records.length, 0);
}
