import {restoreFormula} from "../../src/components/csv/formulaGuard.js";
import {parseCsvRecords} from "../../src/components/csv/parseCsv.js";
import type {DeclaredColumns} from "../../src/components/study/studyConfig.js";
import {type ClinicalValue, parseClinicalValue, undeclaredColumnsMessage} from "./clinicalColumns.js";

/**
 * A clinical CSV given beside predictions (`workbench report --clinical`, `workbench evaluate --clinical`):
 * `patient_id` plus Table 1 columns, under the same allow-list as a manifest's clinical columns (clinicalColumns.ts),
 * because every value may be published. Header names are read in any case. `cohort` and `label` may be present and
 * are ignored: the predictions file decides both (and a patient id belongs to one cohort there). A column neither
 * known nor declared refuses the file before any work; a value that does not fit its type is missing, with a warning
 * naming the line and patient; a patient repeated, or a row with the wrong number of fields, refuses the file. Cells
 * are read back as the workbench writes them: a guarding apostrophe (formulaGuard.ts) is dropped.
 */
export interface ClinicalCsv {
  columns: string[];
  byPatient: Map<string, Record<string, ClinicalValue>>;
  warnings: string[];
}

const ignored = new Set(["patient_id", "cohort", "label"]);

export function readClinicalCsv(text: string, source: string, declared: DeclaredColumns = {}): ClinicalCsv {
  const [header, ...body] = parseCsvRecords(text, source);
  if (!header) throw new Error(`${source}: empty file (expected a header with patient_id and clinical columns)`);
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const duplicate = names.find((n, i) => n !== "" && names.indexOf(n) !== i);
  if (duplicate !== undefined) throw new Error(`${source}: line ${header.line}: column "${duplicate}" appears twice`);
  const idColumn = names.indexOf("patient_id");
  if (idColumn < 0) throw new Error(`${source}: missing column patient_id in header line ${header.line}`);
  const columns = names.filter((n) => n !== "" && !ignored.has(n));
  const refused = undeclaredColumnsMessage(columns, declared, source);
  if (refused !== null) throw new Error(refused);
  const warnings: string[] = [];
  const byPatient = new Map<string, Record<string, ClinicalValue>>();
  const firstLine = new Map<string, number>();
  const problems: string[] = [];
  for (const {line, fields} of body) {
    const id = restoreFormula(fields[idColumn] ?? "").trim();
    if (fields.length !== header.fields.length) {
      problems.push(
        `line ${line}${id ? ` (patient ${id})` : ""}: has ${fields.length} fields, header has ${header.fields.length}`,
      );
      continue;
    }
    if (!id) {
      problems.push(`line ${line}: patient_id is empty`);
      continue;
    }
    const prior = firstLine.get(id);
    if (prior !== undefined) {
      problems.push(`line ${line} (patient ${id}): patient repeated (first on line ${prior})`);
      continue;
    }
    firstLine.set(id, line);
    const values: Record<string, ClinicalValue> = {};
    for (const column of columns) {
      const {value, problem} = parseClinicalValue(
        column,
        restoreFormula(fields[names.indexOf(column)] ?? ""),
        declared,
      );
      values[column] = value;
      if (problem) warnings.push(`${source}: line ${line} (patient ${id}): ${problem} (treated as missing)`);
    }
    byPatient.set(id, values);
  }
  if (problems.length > 0) throw new Error(`${source}: nothing was read:\n  ${problems.join("\n  ")}`);
  return {columns, byPatient, warnings};
}
