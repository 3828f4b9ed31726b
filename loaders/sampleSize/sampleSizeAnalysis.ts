import type {SampleSizeArtifact} from "../../src/components/analysis/analysisArtifacts.js";
import {usablePredictors} from "../../src/components/clinicalBaseline/clinicalComparison.js";
import {auc} from "../../src/components/stats/auc.js";
import {type ClinicalRecord, learnDesign} from "../../src/components/stats/designMatrix.js";
import {objectiveResponse} from "../../src/components/stats/objectiveResponse.js";
import type {PatientPrediction} from "../../src/components/stats/patientPrediction.js";
import {AnticipatedNagelkerke, sampleSizeRow} from "../../src/components/stats/sampleSizeSummary.js";
import {validationSizeRow} from "../../src/components/stats/validationSizeSummary.js";
import type {Analysis} from "../analysis/analysis.js";
import {classCounts, runMeta, runPatients} from "../analysis/runMeta.js";
import {clinicalPredictors} from "../refit/clinicalPredictors.js";
import {InputSize} from "../train/trainHead.js";

/** Objective response (CR or PR) of patient-level predictions: the outcome and P(CR) + P(PR). */
const responseOf = (patients: readonly PatientPrediction[]) =>
  objectiveResponse(
    patients.map((p) => p.label),
    patients.map((p) => p.probabilities),
  );

/**
 * Pate et al.'s minimum development sample size for the image head (2048 features) and for the clinical model (its
 * design columns, as the Clinical baseline fits it: variables the training cohort cannot estimate left out,
 * categories treatment-coded), set against the training cohort's patients per class; and Riley et al.'s minimum size
 * of each external cohort for validating objective response, with the training cohort's apparent C of objective
 * response and the study's responder threshold.
 */
export const sampleSizeAnalysis: Analysis<SampleSizeArtifact> = {
  id: "sample-size",
  title: "sample size",
  entry: "loaders/sampleSize/sampleSizeAnalysis.ts",
  key: ({models, dataHash, clinicalColumns}) => ({
    run: models.corrected.runId,
    dataHash,
    clinicalColumns,
    declared: models.corrected.config.clinical.columns,
    responderThreshold: models.corrected.config.outcomes.responderThreshold,
  }),
  async run({models, clinical, clinicalColumns}) {
    const model = models.corrected;
    const {config} = model;
    const training = model.provenance.trainingCohort;
    const trainingPatients = runPatients(model, training, config);
    const counts = classCounts(trainingPatients);
    const rows = [sampleSizeRow(`image head (${InputSize} features)`, InputSize, counts)];
    const predictors = clinicalPredictors(clinicalColumns, config.clinical.columns);
    const analysed = new Set(model.predictions.filter((p) => p.cohort === training).map((p) => p.patientId));
    const records = clinical.filter((r) => r.analysed && r.cohort === training && analysed.has(r.patient_id));
    // A clinical row holds the study's values plus its `analysed` flag, which no predictor names.
    const {kept} = usablePredictors(records as unknown as ClinicalRecord[], predictors);
    if (kept.length > 0) {
      const columns = learnDesign(records as unknown as ClinicalRecord[], kept, {standardize: true}).columns.length;
      rows.push(sampleSizeRow(`clinical model (${columns} columns)`, columns, counts));
    }
    const apparent = responseOf(trainingPatients);
    const anticipated = {
      cstatistic: auc(apparent.outcome, apparent.score),
      threshold: config.outcomes.responderThreshold,
    };
    const validation = model.provenance.validationCohorts.map((cohort) => {
      const {outcome} = responseOf(runPatients(model, cohort, config));
      const responders = outcome.reduce((a, b) => a + b, 0);
      return validationSizeRow(cohort, outcome.length, responders, anticipated);
    });
    return {
      ...runMeta(model, config),
      anticipatedNagelkerke: AnticipatedNagelkerke,
      sampleSize: rows,
      validation: {anticipated, rows: validation},
    };
  },
};
