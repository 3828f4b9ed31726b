import {type CsvRecord, parseCsvRecords} from "../csv/parseCsv.js";
import type {PredictionRow} from "../stats/evaluatePredictions.js";
import {parseResponseLabel} from "../study/parseResponseLabel.js";
import {parsePlainDecimal} from "./parsePlainDecimal.js";
import {PROBABILITY_COLUMNS, type PredictionRecord, REQUIRED_COLUMNS, Splits} from "./predictionColumns.js";
import {checkProbabilitySum, type Renormalised, renormalisedNote} from "./roundedProbabilities.js";

/**
 * Strict reading of a predictions CSV (predictionColumns.ts), in Node (`evaluate`) and the browser (the pages).
 * Ids stay text exactly as written (007, 1e3, TRUE, =1+1 are ids, not numbers or formulas). Refused, with the
 * 1-based line and the patient: a duplicated column name; a row with the wrong number of fields; an empty id; a
 * label outside CR|PR|SD|PD (any case is read, with a warning — the project's one label rule); a probability that
 * is not a plain decimal in [0, 1]; probabilities not summing to 1 by more than the file's printed precision explains
 * (roundedProbabilities.ts: a row off by rounding is renormalised, with one warning for the file); a patient under
 * two cohorts, with two labels, repeated without a patch_id column, or with a patch id twice. Every bad row is
 * collected and the whole file is refused in one PredictionsCsvError (nothing partial is returned), listing the first
 * MAX_LISTED problems.
 */
export class PredictionsCsvError extends Error {
  override name = "PredictionsCsvError";
}

export interface PredictionsCsv {
  rows: PredictionRecord[];
  /**
   * "source: N row(s) renormalised …" once when rounded probabilities were renormalised, then "source: line N
   * (patient P): …" for every label read case-insensitively.
   */
  warnings: string[];
}

export const MAX_LISTED = 100;

interface Seen {
  cohort: string;
  label: string;
  line: number;
  patches: Set<string>;
}

export function readPredictionsCsv(text: string, source = "predictions CSV"): PredictionsCsv {
  const records = parseCsvRecords(text, source);
  const header = records.shift();
  if (!header)
    throw new PredictionsCsvError(`${source}: empty file (expected a header with ${REQUIRED_COLUMNS.join(", ")})`);
  const column = columnIndex(header, source);
  const renormalised: Renormalised = {rows: 0, largest: null};
  const warnings: string[] = [];
  const problems: string[] = [];
  let badRows = 0;
  const rows: PredictionRecord[] = [];
  const seen = new Map<string, Seen>();
  for (const {line, fields} of records) {
    const get = (name: string) => {
      const i = column.get(name);
      return i === undefined ? undefined : (fields[i] ?? "").trim();
    };
    const patientId = get("patient_id") ?? "";
    const where = `line ${line}${patientId ? ` (patient ${patientId})` : ""}`;
    const errors: string[] = [];
    if (fields.length !== header.fields.length)
      errors.push(`has ${fields.length} fields, header has ${header.fields.length}`);
    if (!patientId) errors.push("patient_id is empty");
    const cohort = get("cohort") ?? "";
    if (!cohort) errors.push("cohort is empty");
    const rawLabel = get("label") ?? "";
    const label = parseResponseLabel(rawLabel, (m) => warnings.push(`${source}: ${where}: ${m}`));
    if (label === undefined) errors.push(`label must be one of CR|PR|SD|PD, not "${rawLabel}"`);
    const texts = PROBABILITY_COLUMNS.map((c) => get(c) ?? "");
    let probabilities = PROBABILITY_COLUMNS.map((c, i) => probability(texts[i] as string, c, errors));
    if (probabilities.every(Number.isFinite)) {
      const sum = checkProbabilitySum(probabilities, texts);
      if (sum.kind === "refused") errors.push(sum.message);
      else if (sum.kind === "renormalised") {
        probabilities = sum.values;
        renormalised.rows++;
        if (sum.deviation > (renormalised.largest?.deviation ?? 0))
          renormalised.largest = {deviation: sum.deviation, where, precision: sum.precision};
      }
    }
    const patchId = get("patch_id");
    if (patchId === "") errors.push("patch_id is empty");
    const protocol = get("protocol");
    if (protocol === "") errors.push("protocol is empty");
    const split = get("split");
    if (split !== undefined && !(Splits as readonly string[]).includes(split))
      errors.push(`split must be one of ${Splits.join("|")}, not "${split}"`);
    if (patientId && cohort && label) {
      checkIdentity(seen, `${protocol ?? ""}\u0000${patientId}`, {cohort, label, line, patchId}, errors);
    }
    if (errors.length > 0) {
      badRows++;
      for (const e of errors) problems.push(`${where}: ${e}`);
      continue;
    }
    const row: PredictionRecord = {
      patientId,
      cohort,
      label: label as PredictionRow["label"],
      probabilities: probabilities as unknown as PredictionRow["probabilities"],
    };
    if (patchId !== undefined) row.patchId = patchId;
    if (protocol !== undefined) row.protocol = protocol;
    if (split !== undefined) row.split = split as PredictionRecord["split"] & string;
    rows.push(row);
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED);
    if (problems.length > MAX_LISTED) listed.push(`… and ${problems.length - MAX_LISTED} more problem(s)`);
    throw new PredictionsCsvError(
      `${source}: ${badRows} invalid row(s), ${problems.length} problem(s); nothing was read:\n  ${listed.join("\n  ")}`,
    );
  }
  if (rows.length === 0) throw new PredictionsCsvError(`${source}: no data rows`);
  // First, so a file of lower-case labels does not hide it behind printWarnings' count.
  if (renormalised.rows > 0) warnings.unshift(renormalisedNote(source, renormalised));
  return {rows, warnings};
}

/** Column name → index; a duplicated or missing required column refuses the file. */
function columnIndex(header: CsvRecord, source: string): Map<string, number> {
  const column = new Map<string, number>();
  header.fields.forEach((raw, i) => {
    const name = raw.trim();
    const prior = column.get(name);
    if (prior !== undefined) {
      throw new PredictionsCsvError(
        `${source}: line ${header.line}: column "${name}" appears twice (columns ${prior + 1} and ${i + 1}); remove one`,
      );
    }
    column.set(name, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !column.has(c));
  if (missing.length > 0)
    throw new PredictionsCsvError(`${source}: missing column(s) ${missing.join(", ")} in header line ${header.line}`);
  return column;
}

function probability(raw: string, name: string, errors: string[]): number {
  const v = parsePlainDecimal(raw);
  if (v === undefined) errors.push(`${name} must be a plain decimal number, not "${raw}"`);
  else if (v < 0 || v > 1) errors.push(`${name} must be in [0, 1], not ${raw}`);
  return v ?? Number.NaN;
}

/** One patient (within a protocol) keeps one cohort and one label, and its patch ids are distinct. */
function checkIdentity(
  seen: Map<string, Seen>,
  key: string,
  row: {cohort: string; label: string; line: number; patchId: string | undefined},
  errors: string[],
): void {
  const prior = seen.get(key);
  if (!prior) {
    seen.set(key, {
      cohort: row.cohort,
      label: row.label,
      line: row.line,
      patches: new Set(row.patchId ? [row.patchId] : []),
    });
    return;
  }
  if (prior.cohort !== row.cohort) {
    errors.push(`patient is in cohort ${row.cohort} here but in cohort ${prior.cohort} on line ${prior.line}`);
    return;
  }
  if (prior.label !== row.label) errors.push(`label ${row.label} differs from ${prior.label} on line ${prior.line}`);
  if (row.patchId === undefined)
    errors.push(`patient repeated (first on line ${prior.line}) but there is no patch_id column`);
  else if (row.patchId && prior.patches.has(row.patchId)) errors.push(`duplicate patch_id ${row.patchId}`);
  else if (row.patchId) prior.patches.add(row.patchId);
}
