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

function cell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function clinicalCells(c: ClinicalRecord, row: StudyRow): Array<string | number> {
  return [c.age, c.sex, c.hbsag, c.child_pugh, c.alt, c.ast, c.afp, c.cirrhosis, row.tumourSizeCm, row.tumourNumber];
}

export function manifestCsv(rows: readonly StudyRow[]): string {
  const lines = [ManifestHeader.join(",")];
  for (const row of rows) {
    const p = row.plan;
    lines.push(
      [p.patientId, p.cohort, row.image, row.mask, p.label, ...clinicalCells(p.clinical, row)].map(cell).join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

export function clinicalCsv(rows: readonly StudyRow[]): string {
  const lines = [ClinicalHeader.join(",")];
  for (const row of rows) {
    lines.push([row.plan.patientId, row.plan.cohort, ...clinicalCells(row.plan.clinical, row)].map(cell).join(","));
  }
  return `${lines.join("\n")}\n`;
}
