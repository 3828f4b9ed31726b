import type {Analysis} from "../analysis/analysis.js";
import {embedCohorts} from "../refit/embedCohorts.js";
import {type AblationRun, runAblation} from "./runAblation.js";

/**
 * The ablation ladder (issue #13): from the paper's protocol to the corrected one a step at a time, each rung's heads
 * trained on the paper run's cached embeddings (a missing embedding is an error, never a backbone run). Keyed by that
 * run (its id hashes configuration, patches, weights and engine) and the configuration. `ablation.enabled: false`
 * turns it off.
 */
export const ablationAnalysis: Analysis<AblationRun> = {
  id: "ablation",
  title: "ablation ladder",
  entry: "loaders/ablation/ablationAnalysis.ts",
  skip: ({models}) =>
    models.paper.config.ablation.enabled
      ? null
      : {status: "off", reason: "the study configuration turns the ablation ladder off (ablation.enabled is false)"},
  key: ({models}) => ({run: models.paper.runId, config: models.paper.config}),
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
    return runAblation({config, training, validation, cohorts, embedded}, log);
  },
};
