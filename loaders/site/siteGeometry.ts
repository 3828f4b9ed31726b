import type {GeometrySensitivityArtifact} from "../../src/components/artifacts.js";
import {loadStudyConfig, StudyEnvVar} from "../config/loadStudyConfig.js";
import {predictionsModeFromEnv} from "./predictionsOnly/predictionsMode.js";

/**
 * data/geometry.json from either source of a site (as siteArtifacts.ts does for the other artifacts): the pipeline's
 * geometry sensitivity runs, or, for a predictions-only report, an empty artifact that says why. The pipeline is
 * imported only when used, so a predictions-only build loads no imaging or model code.
 */
export async function siteGeometry(): Promise<GeometrySensitivityArtifact> {
  const mode = predictionsModeFromEnv(process.env, process.cwd());
  if (mode === null) {
    const [{sitePipeline}, {geometryArtifact}] = await Promise.all([
      import("./sitePipeline.js"),
      import("./geometryArtifact.js"),
    ]);
    return geometryArtifact(await sitePipeline());
  }
  const {config} = await loadStudyConfig(process.env[StudyEnvVar] || null);
  return {
    protocol: "corrected",
    variants: config.sensitivity.variants,
    ciLevel: config.evaluation.ciLevel,
    mainGeometry: "",
    runs: [],
    timings: [],
    emptyReason:
      "This report was built from a predictions file alone (workbench report or WORKBENCH_PREDICTIONS): it has no CT " +
      "images, so no patch geometry can be compared.",
  };
}
