import type {SampleSizeArtifact} from "../../src/components/analysis/analysisArtifacts.js";
import {usablePredictors} from "../../src/components/clinicalBaseline/clinicalComparison.js";
import {type ClinicalRecord, learnDesign} from "../../src/components/stats/designMatrix.js";
import {sampleSizeRow} from "../../src/components/stats/sampleSizeSummary.js";
import type {Analysis} from "../analysis/analysis.js";
import {classCounts, runMeta, runPatients} from "../analysis/runMeta.js";
import {clinicalPredictors} from "../refit/clinicalPredictors.js";
import {InputSize} from "../train/trainHead.js";

/**
 * Riley/Pate minimum development sample size for the image head (2048 features) and for the clinical model (its
 * design columns, as the Clinical baseline fits it: variables the training cohort cannot estimate left out,
 * categories treatment-coded), set against the training cohort's patients per class.
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
  }),
  async run({models, clinical, clinicalColumns}) {
    const model = models.corrected;
    const {config} = model;
    const training = model.provenance.trainingCohort;
    const counts = classCounts(runPatients(model, training, config));
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
    return {...runMeta(model, config), sampleSize: rows};
  },
};
