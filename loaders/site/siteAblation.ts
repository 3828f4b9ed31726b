import type {AblationArtifact} from "../../src/components/ablation/ablationArtifact.js";
import {loadStudyConfig, StudyEnvVar} from "../config/loadStudyConfig.js";
import {predictionsModeFromEnv} from "./predictionsOnly/predictionsMode.js";

/**
 * data/ablation.json and data/ablation-predictions.csv from either source of a site (as siteGeometry.ts): the
 * pipeline's ablation ladder, or, for a predictions-only report, an empty artifact that says why. The pipeline is
 * imported only when used, so a predictions-only build loads no imaging or model code.
 */
const PredictionsOnlyReason =
  "This report was built from a predictions file alone (workbench report or WORKBENCH_PREDICTIONS): it has no " +
  "embeddings to retrain heads on, so there is no ablation ladder.";

export async function siteAblation(): Promise<AblationArtifact> {
  if (predictionsModeFromEnv(process.env, process.cwd()) === null) {
    const [{sitePipeline}, {ablationArtifact}] = await Promise.all([
      import("./sitePipeline.js"),
      import("./ablationSiteArtifacts.js"),
    ]);
    return ablationArtifact(await sitePipeline());
  }
  const {emptyAblation} = await import("./ablationSiteArtifacts.js");
  // The study file still sets the level the page's prose names (as siteGeometry.ts reads it).
  const {config} = await loadStudyConfig(process.env[StudyEnvVar] || null);
  return emptyAblation(PredictionsOnlyReason, config.evaluation.ciLevel);
}

export async function siteAblationPredictionsCsv(): Promise<string> {
  const {writePredictionsCsv} = await import("../../src/components/predictions/writePredictionsCsv.js");
  if (predictionsModeFromEnv(process.env, process.cwd()) !== null) return writePredictionsCsv([]);
  const [{sitePipeline}, {ablationPredictionsCsv}] = await Promise.all([
    import("./sitePipeline.js"),
    import("./ablationSiteArtifacts.js"),
  ]);
  return ablationPredictionsCsv(await sitePipeline());
}
