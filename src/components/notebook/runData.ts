/**
 * A run's data for a page of your own (docs/notebooks.md): every data file of the site as a typed value, the analysed
 * patients as one arquero table, and the statistics the other pages use. A page reads its files with Framework's
 * `FileAttachment` (a page must name each file literally, so the page lists the ones it wants) and hands them here:
 *
 *     import * as aq from "npm:arquero";
 *     import {readRun, runPatients, evaluatePredictions} from "./components/notebook/runData.js";
 *     const run = await readRun({
 *       "protocol.json": FileAttachment("data/protocol.json"),
 *       "cohorts.json": FileAttachment("data/cohorts.json"),
 *       "metrics.json": FileAttachment("data/metrics.json"),
 *       "predictions.csv": FileAttachment("data/predictions.csv"),
 *     });
 *     const {table, columns} = runPatients(run, aq);
 *
 * Node scripts and tests pass anything with a `text()` method instead (a file read from disk). Isomorphic and pure
 * apart from reading what it is given.
 */
import type {JsonDataFile, JsonDataFiles} from "../contracts/dataFiles.js";
import {type ExplorePatient, explorePatients, PatientColumns} from "../explore/explorePatients.js";
import {type ColumnInfo, describeColumns} from "../explore/patientFilter.js";
import {type ArqueroModule, type ColumnTable, patientTable} from "../explore/patientTable.js";
import type {PredictionRecord} from "../predictions/predictionColumns.js";
import {readPredictionsCsv} from "../predictions/readPredictionsCsv.js";

/** A data file of the run by its name in data/. */
export type RunFileName = JsonDataFile | "predictions.csv";

/** Each file's value: the JSON files as their contracts (contracts/dataFiles.ts), predictions.csv as its rows. */
export interface RunValues extends JsonDataFiles {
  "predictions.csv": PredictionRecord[];
}

/** What a file is read from: Framework's FileAttachment, or any object with the same `text()`. */
export interface TextSource {
  text(): Promise<string>;
}

/**
 * Reads the files given, by name, into their typed values: JSON parsed (an invalid file is an Error naming it),
 * predictions.csv through the reader `workbench evaluate` uses (ids stay text; a bad row is an error naming the file,
 * its line and its patient). The result has exactly the names given.
 */
export async function readRun<N extends RunFileName>(files: {[K in N]: TextSource}): Promise<Pick<RunValues, N>> {
  const entries = await Promise.all(
    (Object.keys(files) as N[]).map(async (name) => {
      const source = `data/${name}`;
      const text = await (files[name] as TextSource).text();
      return [name, name === "predictions.csv" ? readPredictionsCsv(text, source).rows : parseJson(text, source)];
    }),
  );
  return Object.fromEntries(entries) as Pick<RunValues, N>;
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The files `runPatients` needs. */
export type PatientFiles = Pick<RunValues, "predictions.csv" | "cohorts.json" | "metrics.json" | "protocol.json">;

export interface RunPatients {
  /** The protocol whose predictions the patients carry. */
  protocol: string;
  /** One row per analysed patient (explore/explorePatients.ts: cohort, patient_id, label, p_*, patches, clinical). */
  patients: ExplorePatient[];
  /** The same rows as an arquero table. */
  table: ColumnTable;
  /** Every column but the id, described for filters and subgroups (number or category, levels, extent). */
  columns: ColumnInfo[];
}

/**
 * The run's analysed patients for `protocol` (default: protocol.json's primary), aggregated from predictions.csv's
 * patch rows as metrics.json's options say and joined with cohorts.json's clinical variables; `aq` is the arquero
 * module (`npm:arquero` on a page, the package in Node).
 */
export function runPatients(run: PatientFiles, aq: ArqueroModule, protocol?: string): RunPatients {
  const chosen = protocol ?? run["protocol.json"].primary;
  const cohorts = run["cohorts.json"];
  const patients = explorePatients(run["predictions.csv"], cohorts, {
    protocol: chosen,
    aggregation: run["metrics.json"].options.aggregation,
  });
  const keys = [...PatientColumns.filter((c) => c !== "patient_id"), ...cohorts.clinicalColumns];
  return {protocol: chosen, patients, table: patientTable(aq, patients), columns: describeColumns(patients, keys)};
}

// The statistics and helpers the site's own pages use, so a page of your own needs this one import.
export {explorePatients, patientKey, rowsOfPatients} from "../explore/explorePatients.js";
export {filterPatients, matchesFilter, openFilter} from "../explore/patientFilter.js";
export {filterTable, tablePatients} from "../explore/patientTable.js";
export {subgroupAnalysis, subgroupsBy, tertileCuts} from "../explore/subgroupLevels.js";
export {aggregatePatients} from "../stats/aggregatePatients.js";
export {auc} from "../stats/auc.js";
export {aucCiDeLong} from "../stats/delong.js";
export {type EvaluateOptions, type Evaluation, evaluatePredictions} from "../stats/evaluatePredictions.js";
export {objectiveResponse} from "../stats/objectiveResponse.js";
export {subgroupAuc} from "../stats/subgroupAuc.js";
export type {ColumnInfo, ExplorePatient};
