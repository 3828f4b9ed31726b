import {loadStudyConfig, StudyEnvVar} from "../../config/loadStudyConfig.js";
import {repoRoot} from "../../paths.js";
import {printWarnings} from "../../printWarnings.js";
import {pseudonymSalt} from "../pseudonym.js";
import {predictionsModeFromEnv} from "./predictionsMode.js";
import {loadPredictionsStudy, type PredictionsStudy} from "./predictionsStudy.js";

/**
 * The predictions-only study of this build ($WORKBENCH_PREDICTIONS, read beside $WORKBENCH_STUDY), with its ids
 * published as the site publishes them, and the salt that did it (null when ids are as-is); or null when the site is
 * built from the image pipeline. Warnings go to stderr.
 */
export async function predictionsStudyFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Promise<{study: PredictionsStudy; salt: string | null} | null> {
  const mode = predictionsModeFromEnv(env, cwd);
  if (mode === null) return null;
  const loaded = await loadStudyConfig(env[StudyEnvVar] || null, cwd);
  const salt = mode.patientIds === "pseudonymous" ? await pseudonymSalt(repoRoot, env) : null;
  const study = await loadPredictionsStudy(mode, loaded, salt);
  printWarnings(study.warnings, (text) => process.stderr.write(text));
  return {study, salt};
}
