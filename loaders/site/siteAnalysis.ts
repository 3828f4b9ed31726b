import type {Availability} from "../../src/components/analysis/availability.js";
import {unavailable} from "../../src/components/analysis/availability.js";
import type {AnalysisName, AnalysisResults} from "../pipeline/analysisRegistry.js";
import {predictionsModeFromEnv} from "./predictionsOnly/predictionsMode.js";

/** Why a report built from a predictions file has none of the analyses that refit the head or need the CT images. */
export const PredictionsOnlyReason =
  "this report was built from a predictions file alone (workbench report or WORKBENCH_PREDICTIONS): there are no embeddings to refit the head on";

/**
 * data/<id>.json of one analysis of the registry (loaders/pipeline/analysisRegistry.ts): its availability as the
 * pipeline recorded it (`ok` with the value, or `off` / `notApplicable` / `failed` with the reason), or, for a
 * predictions-only report, not applicable with the reason. The pipeline is imported only when used.
 */
export async function siteAnalysis<K extends AnalysisName>(name: K): Promise<AnalysisResults[K]> {
  if (predictionsModeFromEnv(process.env, process.cwd()) !== null)
    return unavailable("notApplicable", PredictionsOnlyReason) as Availability<never> as AnalysisResults[K];
  const {sitePipeline} = await import("./sitePipeline.js");
  return (await sitePipeline()).analyses[name];
}
