import type {MetricsArtifact} from "../../src/components/artifacts.js";
import type {PipelineResult} from "../pipeline/runPipeline.js";

/** data/metrics.json: `evaluatePredictions` of each protocol's predictions, as `workbench evaluate` writes it. */
export function metricsArtifact(result: PipelineResult): MetricsArtifact {
  return {
    options: result.evaluations[result.config.protocol].options,
    protocols: result.evaluations,
  };
}
