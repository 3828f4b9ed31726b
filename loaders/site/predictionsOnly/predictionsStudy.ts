import {readFile} from "node:fs/promises";
import {basename} from "node:path";
import type {PredictionRecord} from "../../../src/components/predictions/predictionColumns.js";
import {readPredictionsCsv} from "../../../src/components/predictions/readPredictionsCsv.js";
import type {Evaluation} from "../../../src/components/stats/evaluatePredictions.js";
import {evaluatePredictions} from "../../../src/components/stats/evaluatePredictions.js";
import type {StudyConfig} from "../../../src/components/study/studyConfig.js";
import {type Protocol, Protocols} from "../../../src/components/study/vocabulary.js";
import {type ClinicalCsv, readClinicalCsv} from "../../cohort/readClinicalCsv.js";
import type {LoadedStudyConfig} from "../../config/loadStudyConfig.js";
import {switchProtocol} from "../../config/protocolDefaults.js";
import {sha256} from "../../hash.js";
import {evaluationOptions} from "../../pipeline/evaluationOptions.js";
import {pseudonym, pseudonymMap} from "../pseudonym.js";
import type {PredictionsMode} from "./predictionsMode.js";

/** A file the report was built from, as its provenance names it: the file name only (a folder can name a patient). */
export interface SourceFile {
  file: string;
  sha256: string;
}

/**
 * A predictions-only study: the rows of the predictions CSV as the site publishes them (ids pseudonymous unless
 * as-is was asked for; every row with a protocol and a split), and the optional clinical CSV keyed by published id.
 */
export interface PredictionsStudy {
  loaded: LoadedStudyConfig;
  config: StudyConfig;
  predictions: SourceFile;
  clinicalFile: SourceFile | null;
  rows: PredictionRecord[];
  /** The protocols present, in the site's order. */
  protocols: Protocol[];
  level: "patch" | "patient";
  clinical: ClinicalCsv | null;
  warnings: string[];
}

/**
 * Reads the predictions CSV strictly (the reader `evaluate` uses, so the messages are the same, with line and
 * patient). Rows without a protocol column belong to the study's protocol; a protocol column may only name the
 * site's two protocols. Rows without a split are "training" in the configured training cohort, else "validation".
 */
export async function loadPredictionsStudy(
  mode: PredictionsMode,
  loaded: LoadedStudyConfig,
  salt: string | null,
): Promise<PredictionsStudy> {
  const {config} = loaded;
  const bytes = await readFile(mode.predictions);
  const name = basename(mode.predictions);
  const {rows, warnings} = readPredictionsCsv(new TextDecoder().decode(bytes), name);
  const unknown = [
    ...new Set(rows.flatMap((r) => (r.protocol === undefined || isProtocol(r.protocol) ? [] : [r.protocol]))),
  ];
  if (unknown.length > 0) {
    throw new Error(
      `${name}: protocol column names ${unknown.join(", ")}; a report holds the protocols ${Protocols.join(" and ")} (drop the column to report one model as the ${config.protocol} protocol)`,
    );
  }
  const ids =
    salt === null
      ? null
      : pseudonymMap(
          rows.map((r) => r.patientId),
          salt,
        );
  const id = (patientId: string) => ids?.get(patientId) ?? patientId;
  const published: PredictionRecord[] = rows.map((r) => {
    const row: PredictionRecord = {
      protocol: r.protocol ?? config.protocol,
      patientId: id(r.patientId),
      cohort: r.cohort,
      label: r.label,
      probabilities: r.probabilities,
      split: r.split ?? (r.cohort === config.cohorts.training ? "training" : "validation"),
    };
    // A patch id is hashed whole under its patient's pseudonym: no fragment of the original survives.
    if (r.patchId !== undefined)
      row.patchId = salt === null ? r.patchId : `${id(r.patientId)}-${pseudonym(salt, r.patchId).slice(2)}`;
    return row;
  });
  const present = new Set(published.map((r) => r.protocol));
  let clinical: ClinicalCsv | null = null;
  let clinicalFile: SourceFile | null = null;
  if (mode.clinical !== null) {
    const clinicalBytes = await readFile(mode.clinical);
    const clinicalName = basename(mode.clinical);
    const read = readClinicalCsv(new TextDecoder().decode(clinicalBytes), clinicalName, config.clinical.columns);
    const patients = new Set(rows.map((r) => r.patientId));
    const byPatient = new Map<string, typeof read.byPatient extends Map<string, infer V> ? V : never>();
    let unmatched = 0;
    for (const [patientId, values] of read.byPatient) {
      if (!patients.has(patientId)) unmatched++;
      else byPatient.set(id(patientId), values);
    }
    if (unmatched > 0) read.warnings.push(`${clinicalName}: ${unmatched} patient(s) not in ${name} (ignored)`);
    clinical = {...read, byPatient};
    clinicalFile = {file: clinicalName, sha256: sha256(clinicalBytes)};
    warnings.push(...read.warnings);
  }
  return {
    loaded,
    config,
    predictions: {file: name, sha256: sha256(bytes)},
    clinicalFile,
    rows: published,
    protocols: Protocols.filter((p) => present.has(p)),
    level: rows.some((r) => r.patchId !== undefined) ? "patch" : "patient",
    clinical,
    warnings,
  };
}

function isProtocol(value: string): value is Protocol {
  return (Protocols as readonly string[]).includes(value);
}

/** Each protocol's evaluation under its own evaluation settings (as runPipeline evaluates an image-based run). */
export function evaluatePredictionsStudy(study: PredictionsStudy): Partial<Record<Protocol, Evaluation>> {
  const out: Partial<Record<Protocol, Evaluation>> = {};
  for (const protocol of study.protocols) {
    // The options an image-based run evaluates with (runPipeline), so both kinds of site agree for the same rows.
    out[protocol] = evaluatePredictions(
      study.rows.filter((r) => r.protocol === protocol),
      evaluationOptions(switchProtocol(study.config, protocol)),
    );
  }
  return out;
}
