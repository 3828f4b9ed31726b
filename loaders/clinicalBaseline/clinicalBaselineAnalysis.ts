import type {ClinicalBaselineArtifact} from "../../src/components/analysis/analysisArtifacts.js";
import {type ComparisonPatient, clinicalComparison} from "../../src/components/clinicalBaseline/clinicalComparison.js";
import {thresholdGrid} from "../../src/components/stats/decisionCurve.js";
import type {ClinicalValue} from "../../src/components/stats/designMatrix.js";
import type {PatientPrediction} from "../../src/components/stats/patientPrediction.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import type {Analysis, AnalysisInput} from "../analysis/analysis.js";
import {runPatients} from "../analysis/runMeta.js";
import type {PatchSet} from "../imaging/patchSet.js";
import {clinicalPredictors} from "../refit/clinicalPredictors.js";
import {embedCohorts} from "../refit/embedCohorts.js";
import {outOfFoldScores} from "./outOfFoldScores.js";

/**
 * Does the image add anything to what the clinic already knows? A ridge multinomial clinical model, the corrected
 * protocol's image model and both combined, fitted on the training cohort and compared on every external cohort
 * (src/components/clinicalBaseline/clinicalComparison.ts). On the training cohort the image score is out of fold
 * (outOfFoldScores.ts), so the combined model is not fitted on the image model's in-sample optimism.
 */
const predictorsOf = (input: AnalysisInput) =>
  clinicalPredictors(input.clinicalColumns, input.models.corrected.config.clinical.columns);

export const clinicalBaselineAnalysis: Analysis<ClinicalBaselineArtifact> = {
  id: "clinical-baseline",
  title: "clinical baseline",
  entry: "loaders/clinicalBaseline/clinicalBaselineAnalysis.ts",
  skip: (input) =>
    predictorsOf(input).length === 0
      ? {
          status: "notApplicable",
          reason: "the study has no clinical columns, so there is no clinical model to compare with",
        }
      : null,
  key: ({models, dataHash}) => ({run: models.corrected.runId, dataHash, config: models.corrected.config}),
  async run(input) {
    const model = input.models.corrected;
    const {config} = model;
    const training = model.provenance.trainingCohort;
    const set = input.cohorts[training] as PatchSet;
    const started = performance.now();
    const embedded = await embedCohorts(
      model,
      input.cohorts,
      [training],
      config.augmentation.variants,
      input.embeddingsDir,
      "clinical baseline",
    );
    const oof = outOfFoldScores(set, embedded.get(training) as NonNullable<ReturnType<typeof embedded.get>>, config);
    input.log(
      `clinical baseline: ${oof.folds}-fold out-of-fold image scores on ${training} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // The label comes from the patches (canonical spelling), the image probabilities from the out-of-fold fits on
    // the training cohort and from the run itself elsewhere.
    const imageOf = new Map<string, PatientPrediction>();
    for (const p of oof.patients) imageOf.set(`${training}\u0000${p.patientId}`, p);
    for (const cohort of model.provenance.validationCohorts)
      for (const p of runPatients(model, cohort, config)) imageOf.set(`${cohort}\u0000${p.patientId}`, p);
    const records = new Map(
      input.clinical.filter((r) => r.analysed).map((r) => [`${r.cohort}\u0000${r.patient_id}`, r]),
    );
    const predictors = predictorsOf(input);
    const patients: ComparisonPatient[] = [];
    for (const [key, {label, probabilities: image}] of imageOf) {
      const [cohort, patientId] = key.split("\u0000") as [string, string];
      const row = records.get(key);
      if (!row) throw new Error(`clinical baseline: cohort ${cohort}, patient ${patientId}: no clinical row`);
      const clinical: Record<string, ClinicalValue> = {};
      for (const p of predictors) clinical[p.name] = row[p.name] as ClinicalValue;
      patients.push({patientId, cohort, label, clinical, image});
    }
    const {seeds, evaluation} = config;
    const comparison = clinicalComparison(patients, {
      trainingCohort: training,
      predictors,
      classes: ResponseLabels.length,
      seed: seeds.bootstrap,
      replicates: evaluation.bootstrapReplicates,
      ciLevel: evaluation.ciLevel,
      thresholds: thresholdGrid(
        evaluation.decisionCurve.step,
        evaluation.decisionCurve.from,
        evaluation.decisionCurve.to,
      ),
    });
    return {
      source: "pipeline",
      protocol: config.protocol,
      aggregation: evaluation.aggregation,
      seed: seeds.bootstrap,
      replicates: evaluation.bootstrapReplicates,
      ciLevel: evaluation.ciLevel,
      stacking: {folds: oof.folds, scheme: oof.scheme},
      clinical: comparison,
    };
  },
};
