import {type OptimismArtifact, optimismMethod, optimismSeed} from "../../src/components/optimism/optimismArtifact.js";
import type {Protocol} from "../../src/components/study/vocabulary.js";
import {loadStudyConfig, StudyEnvVar} from "../config/loadStudyConfig.js";
import type {PipelineResult} from "../pipeline/runPipeline.js";
import {predictionsModeFromEnv} from "./predictionsOnly/predictionsMode.js";

/**
 * data/optimism.json from either source of a site (as siteGeometry.ts): the pipeline's optimism stage, or, for a
 * predictions-only report, an empty artifact that says why. The pipeline is imported only when used. No patient id.
 */
export async function siteOptimism(): Promise<OptimismArtifact> {
  if (predictionsModeFromEnv(process.env, process.cwd()) === null) {
    const {sitePipeline} = await import("./sitePipeline.js");
    return optimismArtifact(await sitePipeline());
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

/** The two protocols' optimism analyses as the page's one artifact: each protocol's value, or why it has none. */
export function optimismArtifact(result: PipelineResult): OptimismArtifact {
  const {config} = result;
  const replicates = config.optimism.replicates;
  const seed = optimismSeed(config.seeds.bootstrap);
  const training = config.cohorts.training;
  const artifact: OptimismArtifact = {
    trainingCohort: training,
    replicates,
    seed,
    aggregation: config.evaluation.aggregation,
    method: optimismMethod(replicates, seed, training),
    protocols: {},
    errors: {},
  };
  const outcomes: Record<Protocol, PipelineResult["analyses"]["optimismPaper"]> = {
    paper: result.analyses.optimismPaper,
    corrected: result.analyses.optimismCorrected,
  };
  for (const [protocol, outcome] of Object.entries(outcomes) as Array<[Protocol, (typeof outcomes)[Protocol]]>) {
    if (outcome.status === "ok") artifact.protocols[protocol] = outcome.value;
    else if (outcome.status === "failed") artifact.errors[protocol] = outcome.reason;
    else artifact.emptyReason = outcome.reason;
  }
  return artifact;
}
