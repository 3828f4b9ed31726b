import type {CohortsArtifact} from "../artifacts.js";
import type {PredictionRecord} from "../predictions/predictionColumns.js";
import {aggregatePatients} from "../stats/aggregatePatients.js";
import {type Aggregation, ResponseLabels} from "../study/vocabulary.js";

/** A clinical value as cohorts.json holds it. */
export type CellValue = string | number | null;

/**
 * One analysed patient of one protocol, flat so it is one row of an arquero table: its cohort and id, its true class,
 * its predicted probabilities at patient level (the patches' vectors aggregated as the study configures, exactly as
 * `evaluatePredictions` does), P(CR) + P(PR) (the objective-response score), its number of patches, and every declared
 * clinical variable (cohorts.json's clinicalColumns) under its own name.
 */
export interface ExplorePatient {
  cohort: string;
  patient_id: string;
  label: string;
  p_CR: number;
  p_PR: number;
  p_SD: number;
  p_PD: number;
  p_objective: number;
  patches: number;
  [clinical: string]: CellValue;
}

/** The computed columns, in table order; a clinical column may not take one of these names. */
export const PatientColumns = [
  "cohort",
  "patient_id",
  "label",
  "p_CR",
  "p_PR",
  "p_SD",
  "p_PD",
  "p_objective",
  "patches",
] as const;

export interface ExplorePatientsOptions {
  /** The protocol whose predictions are read (predictions.csv holds one set per protocol). */
  protocol: string;
  /** metrics.json's options.aggregation (default "mean"). */
  aggregation?: Aggregation | undefined;
  /** Named in errors. */
  predictionsSource?: string;
  cohortsSource?: string;
}

/**
 * Every analysed patient of `protocol`: the patch rows of predictions.csv aggregated to patients
 * (`aggregatePatients`, first-seen order) and joined with cohorts.json's clinical rows on cohort and patient id (both
 * files carry the same published ids, pseudonymous or not: loaders/site/publishIds.ts). A patient with no clinical
 * row while the file has clinical rows, or a clinical column named like a computed column, is an Error naming the
 * file and the patient; a file with no clinical rows at all (a predictions-only report) gives patients without
 * clinical columns. Pure.
 */
export function explorePatients(
  predictions: readonly PredictionRecord[],
  cohorts: Pick<CohortsArtifact, "clinical" | "clinicalColumns">,
  options: ExplorePatientsOptions,
): ExplorePatient[] {
  const {
    protocol,
    aggregation,
    predictionsSource = "data/predictions.csv",
    cohortsSource = "data/cohorts.json",
  } = options;
  const clash = cohorts.clinicalColumns.find((c) => (PatientColumns as readonly string[]).includes(c));
  if (clash !== undefined)
    throw new Error(
      `${cohortsSource}: clinical column "${clash}" has the name of a computed column of the patient table`,
    );
  const rows = predictions.filter((r) => r.protocol === undefined || r.protocol === protocol);
  if (rows.length === 0) throw new Error(`${predictionsSource} has no rows for protocol ${protocol}`);
  const patches = new Map<string, number>();
  for (const r of rows) patches.set(key(r.cohort, r.patientId), (patches.get(key(r.cohort, r.patientId)) ?? 0) + 1);
  const clinical = new Map<string, CohortsArtifact["clinical"][number]>();
  for (const row of cohorts.clinical) clinical.set(key(row.cohort, row.patient_id), row);
  const aggregated = aggregatePatients(rows, {
    ...(aggregation === undefined ? {} : {aggregation}),
    source: predictionsSource,
  });
  return aggregated.map((p) => {
    const cohort = p.cohort as string;
    const k = key(cohort, p.patientId);
    const found = clinical.get(k);
    if (found === undefined && cohorts.clinical.length > 0)
      throw new Error(`${cohortsSource} has no clinical row for patient ${p.patientId} (cohort ${cohort})`);
    const [pCR, pPR, pSD, pPD] = p.probabilities as [number, number, number, number];
    const patient: ExplorePatient = {
      cohort,
      patient_id: p.patientId,
      label: ResponseLabels[p.label] as string,
      p_CR: pCR,
      p_PR: pPR,
      p_SD: pSD,
      p_PD: pPD,
      p_objective: pCR + pPR,
      patches: patches.get(k) as number,
    };
    for (const column of cohorts.clinicalColumns) patient[column] = found?.[column] ?? null;
    return patient;
  });
}

/** One patient's identity: cohort and id (one id in two cohorts is two patients, as in aggregatePatients). */
export function patientKey(patient: {cohort: string; patient_id: string}): string {
  return key(patient.cohort, patient.patient_id);
}

function key(cohort: string, patientId: string): string {
  return `${cohort}\u0000${patientId}`;
}

/**
 * The prediction rows (patches, or patients in a patient-level file) of `protocol` that belong to the given patients,
 * as `evaluatePredictions` takes them: the filtered patients' own rows, so every statistic is the one
 * `workbench evaluate` gives for a file of exactly those rows.
 */
export function rowsOfPatients(
  predictions: readonly PredictionRecord[],
  protocol: string,
  patients: Iterable<{cohort: string; patient_id: string}>,
): PredictionRecord[] {
  const keep = new Set<string>();
  for (const p of patients) keep.add(patientKey(p));
  return predictions.filter(
    (r) => (r.protocol === undefined || r.protocol === protocol) && keep.has(key(r.cohort, r.patientId)),
  );
}
