import {type CsvRecord, parseCsvRecords} from "../csv/parseCsv.js";
import {patientRow} from "../csv/patientRow.js";
import {parsePlainDecimal} from "../predictions/parsePlainDecimal.js";
import {MAX_LISTED} from "../predictions/readPredictionsCsv.js";

/**
 * Strict reading of a survival CSV, in Node and the browser: `patient_id` and, per endpoint, a `<endpoint>_time`
 * and `<endpoint>_event` column pair (e.g. os_time, os_event, ttp_time, ttp_event). Header names are read in any
 * case; an endpoint name is lower-case letters, digits and underscores. A time is a plain decimal ≥ 0 (in whatever
 * unit the file uses); an event is exactly 0 (censored) or 1 (event). Both cells of a pair empty means the endpoint
 * was not recorded for that patient: returned as undefined and counted in a warning. Columns that are neither the id
 * nor a pair member are ignored, named in a warning. Refused, in one SurvivalCsvError with nothing returned: a column
 * name that appears twice (ignoring case), a `_time` without its `_event` or the reverse, a malformed endpoint name,
 * no endpoint at all, and, listed by 1-based line and patient, every row with the wrong number of fields, an empty or
 * repeated id, a bad time (empty, negative, not a number), or an event other than 0/1.
 */
export class SurvivalCsvError extends Error {
  override name = "SurvivalCsvError";
}

export interface SurvivalValue {
  time: number;
  event: 0 | 1;
}

export interface SurvivalCsv {
  /** Endpoint names (lower case), in the order their first column appears in the header. */
  endpoints: string[];
  /** One row per patient, in file order; values[endpoint] undefined = not recorded (both cells empty). */
  rows: Array<{patientId: string; values: Record<string, SurvivalValue | undefined>}>;
  warnings: string[];
}

const ENDPOINT = /^[a-z0-9_]+$/;

interface PairColumns {
  endpoint: string;
  time: number;
  event: number;
}

export function readSurvivalCsv(text: string, source = "survival CSV"): SurvivalCsv {
  const records = parseCsvRecords(text, source);
  const header = records.shift();
  if (!header) throw new SurvivalCsvError(`${source}: empty file (expected a header patient_id, os_time, os_event, …)`);
  const {idColumn, pairs, ignored} = columns(header, source);
  const problems: string[] = [];
  let badRows = 0;
  const rows: SurvivalCsv["rows"] = [];
  const firstLine = new Map<string, number>();
  const notRecorded = new Map(pairs.map((p) => [p.endpoint, 0]));
  for (const record of records) {
    const {fields} = record;
    const {patientId, where, errors} = patientRow(record, header.fields.length, idColumn, firstLine);
    const values: Record<string, SurvivalValue | undefined> = {};
    for (const {endpoint, time, event} of pairs) {
      values[endpoint] = pairValue(endpoint, (fields[time] ?? "").trim(), (fields[event] ?? "").trim(), errors);
    }
    if (errors.length > 0) {
      badRows++;
      for (const e of errors) problems.push(`${where}: ${e}`);
      continue;
    }
    for (const {endpoint} of pairs) {
      if (values[endpoint] === undefined) notRecorded.set(endpoint, (notRecorded.get(endpoint) ?? 0) + 1);
    }
    rows.push({patientId, values});
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED);
    if (problems.length > MAX_LISTED) listed.push(`… and ${problems.length - MAX_LISTED} more problem(s)`);
    throw new SurvivalCsvError(
      `${source}: ${badRows} invalid row(s), ${problems.length} problem(s); nothing was read:\n  ${listed.join("\n  ")}`,
    );
  }
  if (rows.length === 0) throw new SurvivalCsvError(`${source}: no data rows`);
  const warnings: string[] = [];
  if (ignored.length > 0)
    warnings.push(
      `${source}: column(s) ${ignored.map((c) => `"${c}"`).join(", ")} ignored (not <endpoint>_time|_event)`,
    );
  for (const [endpoint, count] of notRecorded) {
    if (count > 0)
      warnings.push(
        `${source}: ${endpoint} not recorded (${endpoint}_time and ${endpoint}_event empty) for ${count} of ` +
          `${rows.length} patient(s)`,
      );
  }
  return {endpoints: pairs.map((p) => p.endpoint), rows, warnings};
}

/** One endpoint's cells: both empty → undefined (not recorded); otherwise both must be valid. */
function pairValue(endpoint: string, rawTime: string, rawEvent: string, errors: string[]): SurvivalValue | undefined {
  if (rawTime === "" && rawEvent === "") return undefined;
  let ok = true;
  if (rawTime === "") {
    errors.push(`${endpoint}_time is empty but ${endpoint}_event is "${rawEvent}" (leave both empty if not recorded)`);
    ok = false;
  }
  if (rawEvent === "") {
    errors.push(`${endpoint}_event is empty but ${endpoint}_time is "${rawTime}" (leave both empty if not recorded)`);
    ok = false;
  }
  const time = parsePlainDecimal(rawTime);
  if (rawTime !== "" && (time === undefined || time < 0)) {
    errors.push(`${endpoint}_time must be a plain decimal number ≥ 0, not "${rawTime}"`);
    ok = false;
  }
  if (rawEvent !== "" && rawEvent !== "0" && rawEvent !== "1") {
    errors.push(`${endpoint}_event must be 0 (censored) or 1 (event), not "${rawEvent}"`);
    ok = false;
  }
  return ok ? {time: time as number, event: rawEvent === "1" ? 1 : 0} : undefined;
}

/** The id column and the endpoints' column pairs, in header order; anything malformed refuses the file. */
function columns(header: CsvRecord, source: string): {idColumn: number; pairs: PairColumns[]; ignored: string[]} {
  const at = `${source}: line ${header.line}`;
  const seen = new Map<string, number>();
  let idColumn = -1;
  const ignored: string[] = [];
  const found = new Map<string, {time?: number; event?: number}>();
  header.fields.forEach((raw, i) => {
    const name = raw.trim();
    const key = name.toLowerCase();
    const prior = seen.get(key);
    if (prior !== undefined && key !== "") {
      throw new SurvivalCsvError(
        `${at}: column "${name}" appears twice (columns ${prior + 1} and ${i + 1}); remove one`,
      );
    }
    seen.set(key, i);
    const member = /^(.*)_(time|event)$/.exec(key);
    if (key === "patient_id") idColumn = i;
    else if (member) {
      const endpoint = member[1] as string;
      if (!ENDPOINT.test(endpoint)) {
        throw new SurvivalCsvError(
          `${at}: column "${name}": the endpoint name must be lower-case letters, digits or _, not "${endpoint}"`,
        );
      }
      const pair = found.get(endpoint) ?? {};
      if (member[2] === "time") pair.time = i;
      else pair.event = i;
      found.set(endpoint, pair);
    } else ignored.push(name);
  });
  if (idColumn < 0) throw new SurvivalCsvError(`${source}: missing column patient_id in header line ${header.line}`);
  const pairs: PairColumns[] = [];
  for (const [endpoint, {time, event}] of found) {
    if (time === undefined)
      throw new SurvivalCsvError(`${at}: column "${header.fields[event as number]?.trim()}" has no ${endpoint}_time`);
    if (event === undefined)
      throw new SurvivalCsvError(`${at}: column "${header.fields[time]?.trim()}" has no ${endpoint}_event`);
    pairs.push({endpoint, time, event});
  }
  if (pairs.length === 0)
    throw new SurvivalCsvError(`${at}: no endpoint (expected <endpoint>_time and <endpoint>_event columns)`);
  return {idColumn, pairs, ignored};
}
