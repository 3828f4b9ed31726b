import {type ClinicalComparison, clinicalComparison} from "../../src/components/clinicalBaseline/clinicalComparison.js";
import {thresholdGrid} from "../../src/components/stats/decisionCurve.js";
import type {PredictionRow} from "../../src/components/stats/evaluatePredictions.js";
import type {DeclaredColumns} from "../../src/components/study/studyConfig.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import {type ClinicalCsv, readClinicalCsv} from "../cohort/readClinicalCsv.js";
import {clinicalPredictors} from "../refit/clinicalPredictors.js";
import {patientLevel} from "../refit/patientLevel.js";

/**
 * `workbench evaluate --clinical clinical.csv`: the Clinical baseline comparison for predictions made elsewhere.
 * The clinical CSV is read as `workbench report --clinical` reads it (cohort/readClinicalCsv.ts): `patient_id` plus
 * the Table 1 columns and any the study file declares; any other column is refused by name. The clinical model is
 * fitted on `trainCohort` (default: the cohort with the most patients, the first in the file on a tie), exactly as the
 * pipeline fits it, and compared on every other cohort. The image term of the combined model on the training cohort is the file's own prediction
 * there: out of fold only if the user's predictions are (the output says so); the image-vs-clinical comparison does
 * not depend on it. Patients of the predictions without a clinical row are left out with a warning.
 */
export interface ClinicalEvaluation {
  trainingCohort: string;
  trainingCohortRule: string;
  stacking: string;
  comparison: ClinicalComparison;
}

export interface ClinicalEvaluationOptions {
  trainCohort?: string;
  bootstrap: number;
  seed: number;
  ciLevel: number;
  declared?: DeclaredColumns;
}

export function evaluateClinical(
  rows: readonly PredictionRow[],
  clinicalText: string,
  clinicalFile: string,
  options: ClinicalEvaluationOptions,
  warn: (message: string) => void,
): ClinicalEvaluation {
  const clinical = readClinicalCsv(clinicalText, clinicalFile, options.declared);
  for (const w of clinical.warnings) warn(w);
  return evaluateClinicalTable(rows, clinical, clinicalFile, options, warn);
}

/** The same from a clinical table already read (a report's, keyed by the ids the rows carry). */
export function evaluateClinicalTable(
  rows: readonly PredictionRow[],
  clinical: Pick<ClinicalCsv, "columns" | "byPatient">,
  clinicalFile: string,
  {trainCohort, bootstrap, seed, ciLevel, declared = {}}: ClinicalEvaluationOptions,
  warn: (message: string) => void,
): ClinicalEvaluation {
  const variables = clinical.columns;

  // Patient level: the mean of a patient's patch probabilities, as evaluate's patient level.
  const byCohort = new Map<string, PredictionRow[]>();
  for (const r of rows) {
    const list = byCohort.get(r.cohort);
    if (list) list.push(r);
    else byCohort.set(r.cohort, [r]);
  }
  const patients = [...byCohort].flatMap(([cohort, list]) =>
    patientLevel(list, "mean").flatMap(({patientId, label, probabilities}) => {
      const values = clinical.byPatient.get(patientId);
      if (!values) {
        warn(
          `${clinicalFile}: no clinical row for patient ${patientId} (cohort ${cohort}); left out of the clinical comparison`,
        );
        return [];
      }
      return [{patientId, cohort, label, clinical: values, image: probabilities}];
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
      predictors: clinicalPredictors(variables, declared),
      classes: ResponseLabels.length,
      seed,
      replicates: bootstrap,
      ciLevel,
      thresholds: thresholdGrid(0.01),
    }),
  };
}
