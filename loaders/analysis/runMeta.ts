import type {RunMeta} from "../../src/components/analysis/analysisArtifacts.js";
import type {PatientPrediction} from "../../src/components/stats/patientPrediction.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import {patientLevel} from "../refit/patientLevel.js";
import type {ModelArtifact} from "../train/modelArtifact.js";

/** What an analysis artifact says about the run it analysed, from the run and the configuration it ran under. */
export function runMeta(model: ModelArtifact, config: StudyConfig): RunMeta {
  return {
    synthetic: model.synthetic,
    protocol: config.protocol,
    runId: model.runId,
    dataHash: model.dataHash,
    seed: config.seeds.bootstrap,
    replicates: config.evaluation.bootstrapReplicates,
    ciLevel: config.evaluation.ciLevel,
    aggregation: config.evaluation.aggregation,
    classes: [...ResponseLabels],
    trainingCohort: model.provenance.trainingCohort,
  };
}

/** The run's own patient-level predictions of one cohort (its patches aggregated as the configuration says). */
export function runPatients(
  model: ModelArtifact,
  cohort: string,
  config: StudyConfig,
): Array<PatientPrediction & {patientId: string}> {
  return patientLevel(
    model.predictions.filter((p) => p.cohort === cohort),
    config.evaluation.aggregation,
  );
}

/** Patients per response class. */
export function classCounts(patients: readonly PatientPrediction[]): number[] {
  const counts = new Array<number>(ResponseLabels.length).fill(0);
  for (const p of patients) counts[p.label] = (counts[p.label] as number) + 1;
  return counts;
}
