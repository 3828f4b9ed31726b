import {type Aggregation, labelIndex} from "../study/vocabulary.js";
import {aggregateByGroup} from "./aggregateByGroup.js";
import type {PatientPrediction} from "./patientPrediction.js";

/** One row of patch (or patient) predictions, as every analysis that scores patients reads it. */
export interface ScoredRow {
  patientId: string;
  /** Absent when the rows are already one cohort's (the refit toolkit's rows). */
  cohort?: string;
  /** "CR" … "PD". */
  label: string;
  probabilities: ArrayLike<number>;
}

/** A patient: its true class index and its patches' probability vectors aggregated. */
export interface AggregatedPatient extends PatientPrediction {
  patientId: string;
  /** The cohort its rows carry, undefined when they carry none. */
  cohort: string | undefined;
  probabilities: number[];
}

export interface AggregatePatientsOptions {
  /** evaluation.aggregation: mean (default), median or max of the patches' vectors (`aggregateByGroup`). */
  aggregation?: Aggregation;
  /** Only this cohort's rows. */
  cohort?: string;
  /** Named in errors (the file or analysis the rows come from). */
  source?: string;
}

/**
 * Patch rows to patients, as every patient-level analysis needs them (evaluation, survival and readers, the ablation
 * ladder, the refit analyses, the paired model comparison): one entry per patient in first-seen order, its class
 * index and its probability vector aggregated as configured. A patient is its cohort and id, so one id in two cohorts
 * is two patients. The label is the patient's, so patches of one patient with different labels, or an unknown label,
 * are a RangeError naming the patient (and `source`); NaN or vectors of unequal length too (`aggregateByGroup`). Pure.
 */
export function aggregatePatients(
  rows: readonly ScoredRow[],
  {aggregation = "mean", cohort, source}: AggregatePatientsOptions = {},
): AggregatedPatient[] {
  const list = cohort === undefined ? rows : rows.filter((r) => r.cohort === cohort);
  const keys = list.map((r) => `${r.cohort ?? ""}\u0000${r.patientId}`);
  const groups = aggregateByGroup(
    keys,
    list.map((r) => r.probabilities),
    aggregation,
  );
  const where = (r: ScoredRow) =>
    `${source ? `${source}: ` : ""}patient ${r.patientId}${r.cohort === undefined ? "" : ` (cohort ${r.cohort})`}`;
  // One pass over the rows: the first label seen per patient, against which every later row is checked.
  const firstLabel = new Map<string, string>();
  list.forEach((r, i) => {
    const key = keys[i] as string;
    const label = firstLabel.get(key);
    if (label === undefined) firstLabel.set(key, r.label);
    else if (label !== r.label) throw new RangeError(`${where(r)} has patches labelled ${label} and ${r.label}`);
  });
  return groups.map((g) => {
    const row = list[g.first] as ScoredRow;
    return {
      patientId: row.patientId,
      cohort: row.cohort,
      label: labelIndex(row.label, where(row)),
      probabilities: g.mean,
    };
  });
}
