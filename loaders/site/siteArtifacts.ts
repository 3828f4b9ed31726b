import type {
  CohortsArtifact,
  MetricsArtifact,
  ProtocolArtifact,
  TrainingArtifact,
} from "../../src/components/artifacts.js";
import {loadStudyConfig, StudyEnvVar} from "../config/loadStudyConfig.js";
import {repoRoot} from "../paths.js";
import {cohortsArtifact} from "./cohortsArtifact.js";
import {galleryZip} from "./galleryZip.js";
import {metricsArtifact} from "./metricsArtifact.js";
import {predictionsCsv} from "./predictionsCsv.js";
import {
  predictionsCohorts,
  predictionsGallery,
  predictionsMetrics,
  predictionsProtocol,
  predictionsSiteCsv,
  predictionsTraining,
} from "./predictionsOnly/predictionsArtifacts.js";
import {predictionsModeFromEnv} from "./predictionsOnly/predictionsMode.js";
import {loadPredictionsStudy, type PredictionsStudy} from "./predictionsOnly/predictionsStudy.js";
import {protocolArtifact} from "./protocolArtifact.js";
import {pseudonymSalt} from "./pseudonym.js";
import {sitePipeline} from "./sitePipeline.js";
import {trainingArtifact} from "./trainingArtifact.js";

/**
 * What each data loader writes, from either source of a site: the image pipeline ($WORKBENCH_STUDY or the demo), or
 * a predictions CSV ($WORKBENCH_PREDICTIONS, read beside $WORKBENCH_STUDY, whose evaluation settings still apply).
 * The loaders call one function each and never need to know which source built the site.
 */
type Source = {kind: "pipeline"} | {kind: "predictions"; study: PredictionsStudy};

async function siteSource(): Promise<Source> {
  const mode = predictionsModeFromEnv(process.env, process.cwd());
  if (mode === null) return {kind: "pipeline"};
  const loaded = await loadStudyConfig(process.env[StudyEnvVar] || null);
  const salt = mode.patientIds === "pseudonymous" ? await pseudonymSalt(repoRoot) : null;
  const study = await loadPredictionsStudy(mode, loaded, salt);
  for (const w of study.warnings.slice(0, 10)) process.stderr.write(`warning: ${w}\n`);
  if (study.warnings.length > 10) process.stderr.write(`warning: … and ${study.warnings.length - 10} more\n`);
  return {kind: "predictions", study};
}

export async function siteMetrics(): Promise<MetricsArtifact> {
  const source = await siteSource();
  return source.kind === "predictions" ? predictionsMetrics(source.study) : metricsArtifact(await sitePipeline());
}

export async function sitePredictionsCsv(): Promise<string> {
  const source = await siteSource();
  return source.kind === "predictions" ? predictionsSiteCsv(source.study) : predictionsCsv(await sitePipeline());
}

export async function siteProtocol(): Promise<ProtocolArtifact> {
  const source = await siteSource();
  return source.kind === "predictions" ? predictionsProtocol(source.study) : protocolArtifact(await sitePipeline());
}

export async function siteCohorts(): Promise<CohortsArtifact> {
  const source = await siteSource();
  return source.kind === "predictions" ? predictionsCohorts(source.study) : cohortsArtifact(await sitePipeline());
}

export async function siteTraining(): Promise<TrainingArtifact> {
  const source = await siteSource();
  return source.kind === "predictions" ? predictionsTraining(source.study) : trainingArtifact(await sitePipeline());
}

export async function siteGallery(): Promise<Uint8Array> {
  const source = await siteSource();
  return source.kind === "predictions" ? predictionsGallery(source.study) : galleryZip(await sitePipeline());
}
