import {writeCsv} from "../../src/components/csv/writeCsv.js";
import type {ClinicalRecord} from "./clinical.js";
import type {PatientPlan} from "./planStudy.js";

/** The manifest's columns, in order: the reader's required five, then the Table 1 clinical columns. */
export const ManifestHeader = [
  "patient_id",
  "cohort",
  "image",
  "mask",
  "label",
  "age",
  "sex",
  "hbsag",
  "child_pugh",
  "alt",
  "ast",
  "afp",
  "cirrhosis",
  "tumour_size_cm",
  "tumour_number",
] as const;

export const ClinicalHeader = ["patient_id", "cohort", ...ManifestHeader.slice(5)] as const;

/** One generated patient as the manifest describes it (paths relative to the manifest). */
export interface StudyRow {
  plan: PatientPlan;
  image: string;
  mask: string;
  tumourSizeCm: number;
  tumourNumber: number;
}

function clinicalCells(c: ClinicalRecord, row: StudyRow): Array<string | number> {
  return [c.age, c.sex, c.hbsag, c.child_pugh, c.alt, c.ast, c.afp, c.cirrhosis, row.tumourSizeCm, row.tumourNumber];
}

/** study.csv, through the project's one CSV writer (src/components/csv/writeCsv.ts). */
export function manifestCsv(rows: readonly StudyRow[]): string {
  return writeCsv(
    ManifestHeader,
    rows.map((row) => [
      row.plan.patientId,
      row.plan.cohort,
      row.image,
      row.mask,
      row.plan.label,
      ...clinicalCells(row.plan.clinical, row),
    ]),
  );
}

/** clinical.csv, through the project's one CSV writer. */
export function clinicalCsv(rows: readonly StudyRow[]): string {
  return writeCsv(
    ClinicalHeader,
    rows.map((row) => [row.plan.patientId, row.plan.cohort, ...clinicalCells(row.plan.clinical, row)]),
  );
}
