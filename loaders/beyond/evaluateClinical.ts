import {type ClinicalComparison, clinicalComparison} from "../../src/components/beyond/clinicalComparison.js";
import {restoreFormula} from "../../src/components/csv/formulaGuard.js";
import {parseCsvRecords} from "../../src/components/csv/parseCsv.js";
import {thresholdGrid} from "../../src/components/stats/decisionCurve.js";
import type {ClinicalValue} from "../../src/components/stats/designMatrix.js";
import type {PredictionRow} from "../../src/components/stats/evaluatePredictions.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import {clinicalColumnSpec, parseClinicalValue} from "../cohort/clinicalColumns.js";
import {clinicalPredictors} from "./clinicalPredictors.js";
import {patientLevel} from "./patientLevel.js";

/**
 * `workbench evaluate --clinical clinical.csv`: the Clinical baseline comparison for predictions made elsewhere.
 * The clinical CSV has `patient_id` (and optionally `cohort`) plus the Table 1 columns (the allow-list of
 * clinical columns; any other column is refused by name). The clinical model is fitted on `trainCohort` (default:
 * the cohort with the most patients, the first in the file on a tie), exactly as the pipeline fits it, and compared on
 * every other cohort. The image term of the combined model on the training cohort is the file's own prediction
 * there: out of fold only if the user's predictions are (the output says so); the image-vs-clinical comparison does
 * not depend on it. Patients of the predictions without a clinical row are left out with a warning.
 */
export interface ClinicalEvaluation {
  trainingCohort: string;
  trainingCohortRule: string;
  stacking: string;
  comparison: ClinicalComparison;
}

export function evaluateClinical(
  rows: readonly PredictionRow[],
  clinicalText: string,
  clinicalFile: string,
  {trainCohort, bootstrap, seed, ciLevel}: {trainCohort?: string; bootstrap: number; seed: number; ciLevel: number},
  warn: (message: string) => void,
): ClinicalEvaluation {
  const records = parseCsvRecords(clinicalText, clinicalFile);
  const header = (records[0]?.fields ?? []).map((h) => h.trim());
  const idColumn = header.indexOf("patient_id");
  if (idColumn < 0)
    throw new Error(`${clinicalFile}: expected a patient_id column, got ${header.join(", ") || "no header"}`);
  const cohortColumn = header.indexOf("cohort");
  const variables = header.filter((h, i) => i !== idColumn && i !== cohortColumn);
  const refused = variables.filter((h) => clinicalColumnSpec(h) === undefined);
  if (refused.length > 0) {
    throw new Error(
      `${clinicalFile}: column(s) ${refused.join(", ")} are not clinical variables the workbench accepts (the Table 1 allow-list); remove them`,
    );
  }
  const clinicalOf = new Map<string, Record<string, ClinicalValue>>();
  for (const record of records.slice(1)) {
    if (record.fields.length === 1 && record.fields[0] === "") continue;
    const id = restoreFormula(record.fields[idColumn] ?? "").trim();
    const cohort = cohortColumn >= 0 ? restoreFormula(record.fields[cohortColumn] ?? "").trim() : "";
    const values: Record<string, ClinicalValue> = {};
    for (const name of variables) {
      const parsed = parseClinicalValue(name, restoreFormula(record.fields[header.indexOf(name)] ?? ""));
      if (parsed.problem)
        warn(`${clinicalFile}, line ${record.line}, patient ${id}: ${parsed.problem}; treated as missing`);
      values[name] = parsed.value;
    }
    const key = cohortColumn >= 0 ? `${cohort}\u0000${id}` : id;
    if (clinicalOf.has(key)) throw new Error(`${clinicalFile}, line ${record.line}: patient ${id} appears twice`);
    clinicalOf.set(key, values);
  }

  // Patient level: the mean of a patient's patch probabilities, as evaluate's patient level.
  const byCohort = new Map<string, PredictionRow[]>();
  for (const r of rows) {
    const list = byCohort.get(r.cohort);
    if (list) list.push(r);
    else byCohort.set(r.cohort, [r]);
  }
  const patients = [...byCohort].flatMap(([cohort, list]) =>
    patientLevel(list, "mean").flatMap(({patientId, label, probabilities}) => {
      const clinical = clinicalOf.get(cohortColumn >= 0 ? `${cohort}\u0000${patientId}` : patientId);
      if (!clinical) {
        warn(
          `${clinicalFile}: no clinical row for patient ${patientId} (cohort ${cohort}); left out of the clinical comparison`,
        );
        return [];
      }
      return [{patientId, cohort, label, clinical, image: probabilities}];
    }),
  );
  const sizes = new Map<string, number>();
  for (const p of patients) sizes.set(p.cohort, (sizes.get(p.cohort) ?? 0) + 1);
  let largest: string | undefined;
  for (const [cohort, n] of sizes) if (largest === undefined || n > (sizes.get(largest) as number)) largest = cohort;
  const training = trainCohort ?? largest;
  if (training === undefined) throw new Error(`${clinicalFile}: no patient of the predictions has a clinical row`);
  if (!sizes.has(training)) {
    throw new Error(
      `--train-cohort ${training}: no such cohort with clinical rows (cohorts: ${[...sizes.keys()].join(", ")})`,
    );
  }
  return {
    trainingCohort: training,
    trainingCohortRule: trainCohort ? "named with --train-cohort" : "the cohort with the most patients (default)",
    stacking: `the combined model uses the file's own predictions on ${training}; they are an honest (out-of-fold) image term only if they were made out of fold`,
    comparison: clinicalComparison(patients, {
      trainingCohort: training,
      predictors: clinicalPredictors(variables),
      classes: ResponseLabels.length,
      seed,
      replicates: bootstrap,
      ciLevel,
      thresholds: thresholdGrid(0.01),
    }),
  };
}
