import type {TrainingArtifact} from "../../src/components/artifacts.js";
import {type PipelineResult, Protocols} from "../pipeline/runPipeline.js";

/** data/training.json: per-epoch loss and accuracy of every protocol and seed (Fig 2). */
export function trainingArtifact(result: PipelineResult): TrainingArtifact {
  return {
    curves: Protocols.flatMap((protocol) =>
      result.models[protocol].curves.map((c) => ({
        protocol,
        seed: c.seed,
        epoch: c.epoch,
        cohort: c.cohort,
        loss: c.loss,
        accuracy: c.accuracy,
      })),
    ),
  };
}
