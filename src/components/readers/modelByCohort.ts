import type {ReferenceStandardSetting} from "../study/studyConfig.js";
import {type ModelAgainstReaders, modelAgainstReaders, type PatientPrediction} from "./modelAgainstReaders.js";
import type {ReadersTable} from "./readReadersCsv.js";

/**
 * The model against each reference standard, cohort by cohort: each cohort's patients matched with their rows of the
 * readers table (the majority's tie rule taken from the study's reference standard).
 */
export function modelByCohort(
  patients: ReadonlyArray<PatientPrediction & {cohort: string}>,
  table: ReadersTable,
  setting: ReferenceStandardSetting,
  ciLevel: number,
): Record<string, ModelAgainstReaders> {
  const tie = setting.rule === "majority" ? setting.tie : "exclude";
  const cohorts = [...new Set(patients.map((p) => p.cohort))];
  return Object.fromEntries(
    cohorts.map((cohort) => {
      const inCohort = patients.filter((p) => p.cohort === cohort);
      const ids = new Set(inCohort.map((p) => p.patientId));
      const rows = table.rows.filter((r) => ids.has(r.patientId));
      return [cohort, modelAgainstReaders(inCohort, {readers: table.readers, rows}, {ciLevel, tie})];
    }),
  );
}
