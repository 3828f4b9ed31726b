import {writePredictionsCsv} from "../../src/components/predictions/writePredictionsCsv.js";
import {Protocols} from "../../src/components/study/vocabulary.js";
import type {PipelineResult} from "../pipeline/runPipeline.js";

/**
 * data/predictions.csv: one row per patch and protocol, with the split of its cohort, in the project's one
 * predictions format (src/components/predictions/), which the pages read back with readPredictionsCsv.
 */
export function predictionsCsv(result: PipelineResult): string {
  const training = result.config.cohorts.training;
  return writePredictionsCsv(
    Protocols.flatMap((protocol) =>
      result.models[protocol].predictions.map((p) => ({
        ...p,
        protocol,
        split: p.cohort === training ? ("training" as const) : ("validation" as const),
      })),
    ),
  );
}
