import type {OptimismArtifact} from "../../src/components/optimism/optimismArtifact.js";
import {loadStudyConfig, StudyEnvVar} from "../config/loadStudyConfig.js";
import {predictionsModeFromEnv} from "./predictionsOnly/predictionsMode.js";

/**
 * data/optimism.json from either source of a site (as siteGeometry.ts): the pipeline's optimism stage, or, for a
 * predictions-only report, an empty artifact that says why. The pipeline is imported only when used. No patient id.
 */
export async function siteOptimism(): Promise<OptimismArtifact> {
  if (predictionsModeFromEnv(process.env, process.cwd()) === null) {
    const {sitePipeline} = await import("./sitePipeline.js");
    const result = await sitePipeline();
    if (result.optimism) return result.optimism;
    return emptyOptimism(result.config, "The pipeline did not run the optimism stage.");
  }
  const {config} = await loadStudyConfig(process.env[StudyEnvVar] || null);
  return emptyOptimism(
    config,
    "This report was built from a predictions file alone (workbench report or WORKBENCH_PREDICTIONS): there are no embeddings to refit the head on, so the in-sample numbers have no optimism correction.",
  );
}

function emptyOptimism(
  config: {cohorts: {training: string}; optimism: {replicates: number}; evaluation: {aggregation: string}},
  reason: string,
): OptimismArtifact {
  return {
    trainingCohort: config.cohorts.training,
    replicates: config.optimism.replicates,
    seed: 0,
    aggregation: config.evaluation.aggregation,
    method: "",
    protocols: {},
    errors: {},
    emptyReason: reason,
  };
}
