import type {TrainingArtifact} from "../../src/components/artifacts.js";
import {Protocols} from "../../src/components/study/vocabulary.js";
import type {PipelineResult} from "../pipeline/runPipeline.js";

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
    losses: Object.fromEntries(Protocols.map((p) => [p, result.models[p].config.model.loss])),
  };
}
