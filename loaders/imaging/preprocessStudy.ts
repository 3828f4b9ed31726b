import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {ClinicalValue} from "../cohort/clinicalColumns.js";
import {type Exclusion, PatientError} from "../cohort/exclusion.js";
import {type ManifestPatient, readManifest} from "../cohort/manifest.js";
import type {ContextCrop} from "./contextCrop.js";
import {type CohortFlow, emptyFlow, type FlowReport, groupExclusions, noCohort} from "./flowReport.js";
import {type PatchRecord, type PatchSet, patchByteLength} from "./patchSet.js";
import {type PatientGeometry, type PreprocessOptions, preprocessPatient} from "./preprocessPatient.js";
import {readPatientVolumes} from "./readPatientVolumes.js";
import type {Volume} from "./volume.js";

/**
 * Manifest + config → patches per cohort, the flow report, the clinical table and per-patient geometry.
 * One patient is in memory at a time; a bad patient becomes an exclusion and the others carry on. The result depends
 * only on the files and the config (patients in manifest order, cohorts in order of first appearance), so the
 * pipeline can cache it by content hash.
 */
export interface ClinicalRow {
  patient_id: string;
  cohort: string;
  label: string;
  /** False when the patient was excluded (Table 1 describes the analysed patients; the flow diagram the rest). */
  analysed: boolean;
  [column: string]: ClinicalValue | boolean;
}

export interface PreprocessedStudy {
  cohorts: Record<string, PatchSet>;
  flow: FlowReport;
  clinical: ClinicalRow[];
  clinicalColumns: string[];
  geometry: PatientGeometry[];
  /** Non-fatal findings (skipped non-DICOM files, clinical values kept as written, SEG segment chosen). */
  warnings: string[];
}

export interface PreprocessEffects {
  log(message: string): void;
  progress?(cohort: string, done: number, total: number): void;
  /** Reads and validates one patient; defaults to itk-wasm on the manifest's files (tests pass in-memory volumes). */
  readPatient?(
    patient: ManifestPatient,
    config: StudyConfig,
    warn: (message: string) => void,
  ): Promise<{image: Volume<Float32Array>; mask: Volume<Uint8Array>}>;
}

export async function preprocessStudy(
  manifestPath: string,
  config: StudyConfig,
  effects: PreprocessEffects,
  options: PreprocessOptions = {},
): Promise<PreprocessedStudy> {
  const manifest = await readManifest(manifestPath, config.clinical.columns);
  const warnings = [...manifest.warnings];
  const warn = (message: string) => {
    warnings.push(message);
    effects.log(`warning: ${message}`);
  };
  for (const w of manifest.warnings) effects.log(`warning: ${w}`);
  const read = effects.readPatient ?? ((patient, c, w) => readPatientVolumes(patient, c.imaging.tumourLabel, w));

  const flow: FlowReport = {};
  const flowOf = (cohort: string): CohortFlow => {
    flow[cohort] ??= emptyFlow(cohort);
    return flow[cohort];
  };
  // Cohorts with analysable patients come first, in manifest order; cohorts holding only rejected rows follow.
  const cohortNames = [...new Set(manifest.patients.map((p) => p.cohort))];
  for (const cohort of cohortNames) flowOf(cohort);
  for (const problem of manifest.problems) {
    const f = flowOf(problem.cohort ?? noCohort);
    f.eligible++;
    f.excluded.push(problem);
    effects.log(`excluded: ${problem.reason}`);
  }
  const sets: Record<string, PatchSet> = {};
  const geometry: PatientGeometry[] = [];
  const analysed = new Set<string>();

  for (const cohort of cohortNames) {
    const patients = manifest.patients.filter((p) => p.cohort === cohort);
    const f = flowOf(cohort);
    const records: PatchRecord[] = [];
    const contexts: ContextCrop[] = [];
    const pixels = growable();
    effects.progress?.(cohort, 0, patients.length);
    for (const [n, patient] of patients.entries()) {
      f.eligible++;
      try {
        const volumes = await read(patient, config, warn);
        const result = preprocessPatient({...patient, ...volumes, maskFile: patient.mask}, config, options);
        records.push(...result.records);
        contexts.push(...result.contexts);
        for (const p of result.pixels) pixels.push(p);
        geometry.push(result.geometry);
        f.analysedPatients++;
        f.analysedPatches += result.records.length;
        if (result.geometry.fallback) f.fallbackPatients.push(patient.patientId);
        analysed.add(patient.patientId);
      } catch (error) {
        const exclusion = toExclusion(error, patient);
        f.excluded.push(exclusion);
        effects.log(`excluded: ${exclusion.reason}`);
      }
      effects.progress?.(cohort, n + 1, patients.length);
    }
    sets[cohort] = {
      cohort,
      sizePx: config.patches.sizePx,
      records,
      pixels: pixels.bytes(),
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

/** Anything a patient throws becomes an exclusion that names the patient and, when known, the file. */
export function toExclusion(error: unknown, patient: ManifestPatient): Exclusion {
  const message = error instanceof Error ? error.message : String(error);
  const named = message.includes(patient.patientId) ? message : `patient ${patient.patientId}: ${message}`;
  if (error instanceof PatientError) {
    return {
      patientId: patient.patientId,
      cohort: patient.cohort,
      kind: error.kind,
      ...(error.file ? {file: error.file} : {}),
      reason: named,
    };
  }
  return {patientId: patient.patientId, cohort: patient.cohort, kind: "unreadableImage", reason: named};
}

/** A byte buffer that doubles as patches arrive, so a cohort never holds two copies of its pixels while growing. */
function growable() {
  let buffer = new Uint8Array(1 << 20);
  let length = 0;
  return {
    push(chunk: Uint8Array) {
      if (length + chunk.length > buffer.length) {
        const next = new Uint8Array(Math.max(buffer.length * 2, length + chunk.length));
        next.set(buffer.subarray(0, length));
        buffer = next;
      }
      buffer.set(chunk, length);
      length += chunk.length;
    },
    bytes: () => buffer.slice(0, length),
  };
}
