import type {
  CohortsArtifact,
  MetricsArtifact,
  ProtocolArtifact,
  TrainingArtifact,
} from "../../src/components/artifacts.js";
import type {PipelineResult} from "../pipeline/runPipeline.js";
import {
  predictionsCohorts,
  predictionsGallery,
  predictionsMetrics,
  predictionsProtocol,
  predictionsSiteCsv,
  predictionsTraining,
} from "./predictionsOnly/predictionsArtifacts.js";
import type {PredictionsStudy} from "./predictionsOnly/predictionsStudy.js";
import {predictionsStudyFromEnv} from "./predictionsOnly/predictionsStudyFromEnv.js";

/**
 * What each data loader writes, from either source of a site: the image pipeline ($WORKBENCH_STUDY or the demo), or
 * a predictions CSV ($WORKBENCH_PREDICTIONS, read beside $WORKBENCH_STUDY, whose evaluation settings still apply).
 * The loaders call one function each and never need to know which source built the site. The image pipeline and its
 * artifact builders are imported only when used, so a predictions-only build loads no imaging or model code.
 */
type Source = {kind: "pipeline"} | {kind: "predictions"; study: PredictionsStudy};

async function siteSource(): Promise<Source> {
  const found = await predictionsStudyFromEnv();
  return found === null ? {kind: "pipeline"} : {kind: "predictions", study: found.study};
}

async function pipeline(): Promise<PipelineResult> {
  const {sitePipeline} = await import("./sitePipeline.js");
  return sitePipeline();
}

export async function siteMetrics(): Promise<MetricsArtifact> {
  const source = await siteSource();
  return source.kind === "predictions"
    ? predictionsMetrics(source.study)
    : (await import("./metricsArtifact.js")).metricsArtifact(await pipeline());
}

export async function sitePredictionsCsv(): Promise<string> {
  const source = await siteSource();
  return source.kind === "predictions"
    ? predictionsSiteCsv(source.study)
    : (await import("./predictionsCsv.js")).predictionsCsv(await pipeline());
}

export async function siteProtocol(): Promise<ProtocolArtifact> {
  const source = await siteSource();
  return source.kind === "predictions"
    ? predictionsProtocol(source.study)
    : (await import("./protocolArtifact.js")).protocolArtifact(await pipeline());
}

export async function siteCohorts(): Promise<CohortsArtifact> {
  const source = await siteSource();
  return source.kind === "predictions"
    ? predictionsCohorts(source.study)
    : (await import("./cohortsArtifact.js")).cohortsArtifact(await pipeline());
}

export async function siteTraining(): Promise<TrainingArtifact> {
  const source = await siteSource();
  return source.kind === "predictions"
    ? predictionsTraining(source.study)
    : (await import("./trainingArtifact.js")).trainingArtifact(await pipeline());
}

export async function siteGallery(): Promise<Uint8Array> {
  const source = await siteSource();
  return source.kind === "predictions"
    ? predictionsGallery(source.study)
    : (await import("./galleryZip.js")).galleryZip(await pipeline());
}
