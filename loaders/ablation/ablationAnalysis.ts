import type {Analysis} from "../analysis/analysis.js";
import {embedCohorts} from "../refit/embedCohorts.js";
import {type AblationRun, runAblation} from "./runAblation.js";

/**
 * The ablation ladder (issues #13, #22): from the paper's protocol to the corrected one a change at a time, each
 * rung's heads trained on the paper run's cached embeddings (a missing embedding is an error, never a backbone run).
 * Keyed by both runs (each id hashes configuration, patches, weights and engine) and the configuration: the
 * corrected run is what the ladder's last rung reproduces. `ablation.enabled: false` turns it off.
 */
export const ablationAnalysis: Analysis<AblationRun> = {
  id: "ablation",
  title: "ablation ladder",
  entry: "loaders/ablation/ablationAnalysis.ts",
  skip: ({models}) =>
    models.paper.config.ablation.enabled
      ? null
      : {status: "off", reason: "the study configuration turns the ablation ladder off (ablation.enabled is false)"},
  key: ({models}) => ({run: models.paper.runId, config: models.paper.config, corrected: models.corrected.runId}),
  async run({models, cohorts, embeddingsDir, log}) {
    const model = models.paper;
    const {config} = model;
    const {trainingCohort: training, validationCohorts: validation} = model.provenance;
    const embedded = await embedCohorts(
      model,
      cohorts,
      [training, ...validation],
      config.augmentation.variants,
      embeddingsDir,
      "ablation",
    );
    const corrected = models.corrected;
    // The check applies when both runs scored the same patches from the same embeddings.
    const sameEmbeddings =
      corrected.provenance.engine === model.provenance.engine &&
      corrected.provenance.trainingCohort === training &&
      corrected.runId !== model.runId;
    const correctedPredictions = sameEmbeddings
      ? new Map(corrected.predictions.map((p) => [p.patchId, p.probabilities] as const))
      : null;
    return runAblation(
      {config, corrected: corrected.config, correctedPredictions, training, validation, cohorts, embedded},
      log,
    );
  },
};
