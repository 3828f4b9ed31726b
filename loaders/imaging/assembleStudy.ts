import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {Manifest, ManifestPatient} from "../cohort/manifest.js";
import {concatBytes} from "./concatBytes.js";
import type {ContextCrop} from "./contextCrop.js";
import {type CohortFlow, emptyFlow, type FlowReport, groupExclusions, noCohort} from "./flowReport.js";
import {type PatchRecord, type PatchSet, patchByteLength} from "./patchSet.js";
import type {PatientGeometry} from "./patientGeometry.js";
import type {ClinicalRow, PreprocessedStudy} from "./preprocessedStudy.js";
import type {PatientOutcome} from "./preprocessManifestPatient.js";
import type {PreprocessOptions} from "./preprocessPatient.js";

/**
 * The study from its patients' outcomes: flow report, patch sets, clinical rows, geometry and warnings, built in one
 * fixed order whoever computed the outcomes (this thread, a worker pool, or shards on other machines). Sharing this
 * one function is what makes a pooled or sharded run byte-identical to a sequential one.
 */

/** The order patients are processed in: cohorts by first appearance in the manifest, patients in manifest order. */
export function patientOrder(manifest: Pick<Manifest, "patients">): ManifestPatient[] {
  const cohorts = [...new Set(manifest.patients.map((p) => p.cohort))];
  return cohorts.flatMap((cohort) => manifest.patients.filter((p) => p.cohort === cohort));
}

export function assembleStudy(
  manifest: Manifest,
  outcomes: readonly PatientOutcome[],
  config: StudyConfig,
  options: PreprocessOptions = {},
): PreprocessedStudy {
  const order = patientOrder(manifest);
  if (outcomes.length !== order.length) {
    throw new Error(`assembleStudy: expected ${order.length} patient outcomes, got ${outcomes.length}`);
  }
  const flow: FlowReport = {};
  const flowOf = (cohort: string): CohortFlow => {
    flow[cohort] ??= emptyFlow(cohort);
    return flow[cohort];
  };
  // Cohorts with analysable patients come first, in manifest order; cohorts holding only rejected rows follow.
  const cohortNames = [...new Set(order.map((p) => p.cohort))];
  for (const cohort of cohortNames) flowOf(cohort);
  for (const problem of manifest.problems) {
    const f = flowOf(problem.cohort ?? noCohort);
    f.eligible++;
    f.excluded.push(problem);
  }
  const warnings = [...manifest.warnings];
  const sets: Record<string, PatchSet> = {};
  const geometry: PatientGeometry[] = [];
  const analysed = new Set<string>();
  let next = 0;
  for (const cohort of cohortNames) {
    const f = flowOf(cohort);
    const records: PatchRecord[] = [];
    const contexts: ContextCrop[] = [];
    const pixels: Uint8Array[] = [];
    for (; next < order.length && order[next]!.cohort === cohort; next++) {
      const patient = order[next]!;
      const outcome = outcomes[next]!;
      if (outcome.patientId !== patient.patientId || outcome.cohort !== cohort) {
        throw new Error(
          `assembleStudy: outcome ${next} is patient ${outcome.patientId} (${outcome.cohort}), expected ${patient.patientId} (${cohort})`,
        );
      }
      f.eligible++;
      warnings.push(...outcome.warnings);
      if (!outcome.ok) {
        f.excluded.push(outcome.exclusion);
        continue;
      }
      const result = outcome.patches;
      records.push(...result.records);
      contexts.push(...result.contexts);
      pixels.push(...result.pixels);
      geometry.push(result.geometry);
      f.analysedPatients++;
      f.analysedPatches += result.records.length;
      if (result.geometry.fallback) f.fallbackPatients.push(patient.patientId);
      analysed.add(patient.patientId);
    }
    sets[cohort] = {
      cohort,
      sizePx: config.patches.sizePx,
      records,
      pixels: concatBytes(pixels),
      ...(options.contexts === false ? {} : {contexts}),
    };
  }
  for (const f of Object.values(flow)) f.excludedByKind = groupExclusions(f.excluded);

  const clinical: ClinicalRow[] = manifest.patients.map((p) => ({
    ...p.clinical,
    patient_id: p.patientId,
    cohort: p.cohort,
    label: p.label,
    analysed: analysed.has(p.patientId),
  }));
  for (const set of Object.values(sets)) {
    if (set.pixels.length !== set.records.length * patchByteLength(set.sizePx)) {
      throw new Error(
        `preprocessStudy: cohort ${set.cohort} has ${set.records.length} records but ${set.pixels.length} pixel bytes`,
      );
    }
  }
  return {cohorts: sets, flow, clinical, clinicalColumns: manifest.clinicalColumns, geometry, warnings};
}
