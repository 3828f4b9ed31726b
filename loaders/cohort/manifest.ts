import {readFile} from "node:fs/promises";
import {dirname, isAbsolute, resolve} from "node:path";
import {type CsvRecord, parseCsvRecords} from "../../src/components/csv/parseCsv.js";
import {parseResponseLabel} from "../../src/components/study/parseResponseLabel.js";
import type {DeclaredColumns} from "../../src/components/study/studyConfig.js";
import {type ResponseLabel, ResponseLabels} from "../../src/components/study/vocabulary.js";
import {type ClinicalValue, parseClinicalValue, undeclaredColumnsMessage} from "./clinicalColumns.js";
import type {Exclusion, ExclusionKind} from "./exclusion.js";
import {ManifestColumns} from "./manifestColumns.js";

/**
 * The study manifest: a CSV a statistician writes by hand, one row per patient —
 * `patient_id, cohort, image, mask, label` (label CR|PR|SD|PD; paths relative to the manifest) plus optional clinical
 * columns for Table 1. Per-row problems become exclusions (the flow diagram counts them); only a file that cannot be
 * read as a manifest at all throws — and a manifest with a column that is neither a known Table 1 variable nor declared
 * in the study configuration (clinicalColumns.ts), because such a column may hold identifiers and would be published.
 */
export {ManifestColumns};

export interface ManifestPatient {
  patientId: string;
  cohort: string;
  /** Absolute paths (resolved against the manifest's folder). */
  image: string;
  mask: string;
  label: ResponseLabel;
  /** Clinical columns by their header name (lower-cased): numbers for numeric columns, canonical codes, else strings. */
  clinical: Record<string, ClinicalValue>;
  /** 1-based line of the CSV on which the patient's record starts (blank lines counted), for messages. */
  row: number;
}

export interface Manifest {
  patients: ManifestPatient[];
  /** Clinical column names in file order (known Table 1 variables and declared columns; nothing else is accepted). */
  clinicalColumns: string[];
  /** Rows that cannot be analysed, one per patient (or per row when the ID is missing). */
  problems: Exclusion[];
  /** Non-fatal findings, e.g. a clinical value that does not fit its coding (kept as written). */
  warnings: string[];
}

export class ManifestError extends Error {
  override name = "ManifestError";
}

/** The project's one label rule (case-insensitive; `warn` hears about any label not written exactly). */
export function parseLabel(raw: string, warn?: (message: string) => void): ResponseLabel | undefined {
  return parseResponseLabel(raw, warn);
}

/** `declared`: the study configuration's `clinical.columns` (columns beyond Table 1's known variables). */
export async function readManifest(path: string, declared: DeclaredColumns = {}): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ManifestError(`manifest ${path}: cannot read (${(error as Error).message})`);
  }
  return parseManifest(text, path, declared);
}

/** The pure half of readManifest: `path` locates relative image paths and names the file in messages. */
export function parseManifest(text: string, path: string, declared: DeclaredColumns = {}): Manifest {
  let records: CsvRecord[];
  try {
    records = parseCsvRecords(text, `manifest ${path}`);
  } catch (error) {
    throw new ManifestError((error as Error).message);
  }
  const [headerRecord, ...body] = records;
  if (headerRecord === undefined) throw new ManifestError(`manifest ${path}: empty file, expected a header row`);
  const header = headerRecord.fields;
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = ManifestColumns.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new ManifestError(
      `manifest ${path}: missing column(s) ${missing.join(", ")}; expected ${ManifestColumns.join(", ")}, got ${names.join(", ")}`,
    );
  }
  const duplicates = names.filter((n, i) => n !== "" && names.indexOf(n) !== i);
  if (duplicates.length > 0) throw new ManifestError(`manifest ${path}: duplicated column(s) ${duplicates.join(", ")}`);
  const index = (c: string) => names.indexOf(c);
  const clinicalColumns = names.filter((n) => n !== "" && !(ManifestColumns as readonly string[]).includes(n));
  refuseUndeclared(clinicalColumns, declared, path);
  const base = dirname(resolve(path));
  const file = (p: string) => (isAbsolute(p) ? p : resolve(base, p));

  const problems: Exclusion[] = [];
  const warnings: string[] = [];
  const candidates: ManifestPatient[] = [];
  const readRow = ({fields: cells, line: row}: CsvRecord): void => {
    const cell = (c: string) => (cells[index(c)] ?? "").trim();
    const patientId = cell("patient_id") || `(line ${row})`;
    const cohort = cell("cohort");
    const where = `manifest ${path} line ${row}, patient ${patientId}`;
    const reject = (reason: string, kind: ExclusionKind = "manifestRow"): void => {
      problems.push({patientId, ...(cohort ? {cohort} : {}), kind, reason: `${where}: ${reason}`});
    };
    if (cells.length !== header.length) {
      reject(`expected ${header.length} fields, got ${cells.length}`);
      return;
    }
    if (!cell("patient_id")) {
      reject("empty patient_id");
      return;
    }
    if (!cohort) {
      reject("empty cohort");
      return;
    }
    if (!cell("image")) {
      reject("empty image path");
      return;
    }
    if (!cell("mask")) {
      reject("empty mask path");
      return;
    }
    const label = parseLabel(cell("label"), (message) => warnings.push(`${where}: ${message}`));
    if (label === undefined) {
      reject(`unknown response label "${cell("label")}", expected one of ${ResponseLabels.join(", ")}`, "unknownLabel");
      return;
    }
    const clinical: Record<string, ClinicalValue> = {};
    for (const column of clinicalColumns) {
      const {value, problem} = parseClinicalValue(column, cells[index(column)] ?? "", declared);
      clinical[column] = value;
      if (problem) warnings.push(`${where}: ${problem} (treated as missing)`);
    }
    candidates.push({patientId, cohort, image: file(cell("image")), mask: file(cell("mask")), label, clinical, row});
  };
  for (const record of body) readRow(record);

  // A patient listed twice (in one cohort or in two) is ambiguous: every row of that ID is excluded, naming the rows.
  const byId = new Map<string, ManifestPatient[]>();
  for (const p of candidates) byId.set(p.patientId, [...(byId.get(p.patientId) ?? []), p]);
  const patients: ManifestPatient[] = [];
  for (const p of candidates) {
    const same = byId.get(p.patientId) ?? [];
    if (same.length === 1) {
      patients.push(p);
      continue;
    }
    const cohorts = [...new Set(same.map((s) => s.cohort))];
    const rowsText = same.map((s) => s.row).join(", ");
    const reason =
      cohorts.length > 1
        ? `patient ${p.patientId} appears in ${cohorts.length} cohorts (${cohorts.join(", ")}; lines ${rowsText}); a patient belongs to one cohort only`
        : `duplicated patient ID ${p.patientId} (lines ${rowsText} of manifest ${path})`;
    problems.push({patientId: p.patientId, cohort: p.cohort, kind: "duplicatePatient", reason});
  }
  return {patients, clinicalColumns, problems, warnings};
}

/**
 * Refuses, before any work, every column that is neither a known Table 1 variable nor declared in the study
 * configuration: a hospital export's name, MRN or birth-date column would otherwise be published in Table 1's data.
 * The message names the columns and the file and says exactly how to declare them (or to remove them).
 */
function refuseUndeclared(columns: readonly string[], declared: DeclaredColumns, path: string): void {
  const message = undeclaredColumnsMessage(columns, declared, `manifest ${path}`);
  if (message !== null) throw new ManifestError(message);
}
