import {type PredictionRow, RESPONSE_CLASSES, type ResponseClass} from "../../src/components/stats/evaluateCohorts.js";
import {parseCsvRecords} from "../../src/components/csv/parseCsv.js";

/**
 * Predictions CSV → rows for `evaluatePredictions`.
 *
 * Columns (header names, any order, extra columns ignored): `patient_id, cohort, label` (CR|PR|SD|PD),
 * `p_CR, p_PR, p_SD, p_PD`, and optionally `patch_id` (then every row is a patch). RFC 4180 quoting ("a,b",
 * doubled quotes, quoted newlines), CRLF or LF line ends, a UTF-8 BOM and blank lines are accepted.
 * Each row must have probabilities that are finite, within [0, 1] and sum to 1 ± 1e-6; one patient's patches must
 * share a label and their patch ids must be distinct. ALL problems are collected and thrown as one Error, one line
 * per problem, naming the line number (of the record's first line) and the patient.
 */
export const PROBABILITY_COLUMNS = ["p_CR", "p_PR", "p_SD", "p_PD"] as const;
const REQUIRED = ["patient_id", "cohort", "label", ...PROBABILITY_COLUMNS] as const;
export const SUM_TOLERANCE = 1e-6;

export function parsePredictionsCsv(text: string, source = "predictions CSV"): PredictionRow[] {
  const records = parseCsvRecords(text, source);
  const header = records.shift();
  if (!header) throw new Error(`${source}: empty file (expected a header with ${REQUIRED.join(", ")})`);
  const names = header.fields.map((f) => f.trim());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0)
    throw new Error(`${source}: missing column(s) ${missing.join(", ")} in header line ${header.line}`);
  const col = (name: string) => names.indexOf(name);
  const patchCol = col("patch_id");
  const errors: string[] = [];
  let badRows = 0;
  const rows: PredictionRow[] = [];
  const seen = new Map<string, {label: string; line: number; patches: Set<string>}>();
  for (const {line, fields} of records) {
    const get = (name: string) => (fields[col(name)] ?? "").trim();
    const patientId = get("patient_id");
    const where = `line ${line}${patientId ? ` (patient ${patientId})` : ""}`;
    const rowErrors: string[] = [];
    if (fields.length !== names.length) rowErrors.push(`has ${fields.length} fields, header has ${names.length}`);
    if (!patientId) rowErrors.push("patient_id is empty");
    const cohort = get("cohort");
    if (!cohort) rowErrors.push("cohort is empty");
    const label = get("label");
    if (!(RESPONSE_CLASSES as readonly string[]).includes(label)) {
      rowErrors.push(`label must be one of ${RESPONSE_CLASSES.join("|")}, not "${label}"`);
    }
    const probabilities = PROBABILITY_COLUMNS.map((c) => {
      const raw = get(c);
      const v = raw === "" ? Number.NaN : Number(raw);
      if (!Number.isFinite(v)) rowErrors.push(`${c} must be a finite number, not "${raw}"`);
      else if (v < 0 || v > 1) rowErrors.push(`${c} must be in [0, 1], not ${raw}`);
      return v;
    });
    if (probabilities.every(Number.isFinite)) {
      const sum = probabilities.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > SUM_TOLERANCE)
        rowErrors.push(`probabilities sum to ${Number(sum.toPrecision(10))}, not 1 ± ${SUM_TOLERANCE}`);
    }
    let patchId: string | undefined;
    if (patchCol >= 0) {
      patchId = (fields[patchCol] ?? "").trim();
      if (!patchId) rowErrors.push("patch_id is empty");
    }
    if (patientId && cohort) {
      const key = `${cohort}\u0000${patientId}`;
      const prior = seen.get(key);
      if (!prior) seen.set(key, {label, line, patches: new Set(patchId ? [patchId] : [])});
      else {
        if (prior.label !== label) rowErrors.push(`label ${label} differs from ${prior.label} on line ${prior.line}`);
        if (patchId === undefined)
          rowErrors.push(`patient repeated (first on line ${prior.line}) but there is no patch_id column`);
        else if (patchId && prior.patches.has(patchId)) rowErrors.push(`duplicate patch_id ${patchId}`);
        else if (patchId) prior.patches.add(patchId);
      }
    }
    if (rowErrors.length > 0) {
      badRows++;
      for (const e of rowErrors) errors.push(`${where}: ${e}`);
      continue;
    }
    const row: PredictionRow = {
      patientId,
      cohort,
      label: label as ResponseClass,
      probabilities: probabilities as unknown as PredictionRow["probabilities"],
    };
    if (patchId !== undefined) row.patchId = patchId;
    rows.push(row);
  }
  if (errors.length > 0) {
    throw new Error(`${source}: ${badRows} invalid row(s), ${errors.length} problem(s):\n  ${errors.join("\n  ")}`);
  }
  if (rows.length === 0) throw new Error(`${source}: no data rows`);
  return rows;
}
