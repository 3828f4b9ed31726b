import type {ClinicalBaselineData} from "../../src/components/analysis/analysisArtifacts.js";
import {available, unavailable} from "../../src/components/analysis/availability.js";
import {evaluateClinicalTable} from "../clinicalBaseline/evaluateClinical.js";
import {predictionsModeFromEnv} from "./predictionsOnly/predictionsMode.js";
import {predictionsStudyFromEnv} from "./predictionsOnly/predictionsStudyFromEnv.js";
import {PredictionsOnlyReason, siteAnalysis} from "./siteAnalysis.js";

/**
 * data/clinical-baseline.json: the pipeline's clinical-baseline analysis; or, for a report built from a predictions
 * file with a clinical table (`report --clinical`), the same comparison computed as `workbench evaluate --clinical`
 * computes it. The artifact holds no patient id.
 */
export async function siteClinicalBaseline(): Promise<ClinicalBaselineData> {
  if (predictionsModeFromEnv(process.env, process.cwd()) === null) return siteAnalysis("clinicalBaseline");
  return predictionsClinicalBaseline();
}

async function predictionsClinicalBaseline(): Promise<ClinicalBaselineData> {
  const found = await predictionsStudyFromEnv();
  const study = found?.study;
  if (!study?.clinical || !study.clinicalFile) {
    return unavailable(
      "notApplicable",
      `${PredictionsOnlyReason}, and it has no clinical table (workbench report --clinical) for the clinical comparison`,
    );
  }
  const {config} = study;
  const protocol = study.protocols.includes(config.protocol)
    ? config.protocol
    : (study.protocols[0] ?? config.protocol);
  const rows = study.rows.filter((r) => r.protocol === protocol);
  const cohorts = new Set(rows.map((r) => r.cohort));
  try {
    const evaluation = evaluateClinicalTable(
      rows,
      study.clinical,
      study.clinicalFile.file,
      {
        ...(cohorts.has(config.cohorts.training) ? {trainCohort: config.cohorts.training} : {}),
        bootstrap: config.evaluation.bootstrapReplicates,
        seed: config.seeds.bootstrap,
        ciLevel: config.evaluation.ciLevel,
        declared: config.clinical.columns,
      },
      (w) => process.stderr.write(`warning: ${w}\n`),
    );
    return available({
      source: "predictions",
      clinical: evaluation.comparison,
      protocol,
      aggregation: "mean",
      stacking: {scheme: evaluation.stacking},
      replicates: config.evaluation.bootstrapReplicates,
      seed: config.seeds.bootstrap,
      ciLevel: config.evaluation.ciLevel,
      trainingCohortRule: cohorts.has(config.cohorts.training)
        ? "the study's training cohort (cohorts.training)"
        : evaluation.trainingCohortRule,
    });
  } catch (error) {
    return unavailable("failed", `the clinical comparison failed: ${(error as Error).message}`);
  }
}
