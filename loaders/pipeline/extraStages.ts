import type {BeyondArtifact} from "../../src/components/beyond/beyondArtifact.js";
import type {OptimismArtifact} from "../../src/components/optimism/optimismArtifact.js";
import type {Protocol} from "../../src/components/study/vocabulary.js";
import {cachedAblation} from "../ablation/cachedAblation.js";
import type {AblationRun} from "../ablation/runAblation.js";
import {cachedBeyond} from "../beyond/cachedBeyond.js";
import type {PatchSet} from "../imaging/patchSet.js";
import type {ClinicalRow} from "../imaging/preprocessedStudy.js";
import {cachedOptimism} from "../optimism/cachedOptimism.js";
import type {ProtocolRuns} from "./modelStages.js";
import type {StudyContext} from "./prepareStudy.js";
import type {StageTiming} from "./stageTiming.js";

/**
 * The stages that come after the report's main results, each on the main runs' cached embeddings (heads only): the
 * ablation ladder (issue #13), the analyses beyond the paper (issue #14) and Harrell's optimism of the in-sample
 * metrics. They share one rule, which is why they sit together: a failure is recorded (and shown on its page) and the
 * rest of the site still builds. Their fields are spread into the PipelineResult as they are returned.
 */
export interface ExtraResults {
  /** The ablation ladder, from the paper run; absent when disabled or failed. */
  ablation?: AblationRun;
  /** Why `ablation` is absent when its stage failed. */
  ablationError?: string;
  /** Clinical baseline, across centres, ordinal, calibration, on the corrected run; absent when it failed. */
  beyond?: BeyondArtifact;
  /** Why `beyond` is absent when its stage failed. */
  beyondError?: string;
  /** Each protocol's optimism; a protocol's failure is recorded inside. */
  optimism: OptimismArtifact;
}

export async function runExtraStages(
  ctx: Pick<StudyContext, "cache" | "repo" | "config" | "dataHash">,
  main: {
    models: ProtocolRuns;
    modelKeys: Record<Protocol, string>;
    cohorts: Record<string, PatchSet>;
    clinical: ClinicalRow[];
    clinicalColumns: string[];
  },
  timings: StageTiming[],
  log: (message: string) => void,
): Promise<ExtraResults> {
  const {cache, repo, config, dataHash} = ctx;
  const {models, modelKeys, cohorts} = main;

  // Ablation ladder (issue #13): heads only, on the paper run's cached embeddings. A failure is reported on its page.
  let ablation: AblationRun | null = null;
  let ablationError: string | undefined;
  try {
    const stage = await cachedAblation(cache, repo, {config: models.paper.config, cohorts, model: models.paper, log});
    ablation = stage.run;
    if (stage.run) timings.push({stage: "ablation ladder", seconds: stage.seconds, cached: stage.cached});
  } catch (error) {
    ablationError = error instanceof Error ? error.message : String(error);
    log(`ablation ladder failed: ${ablationError}`);
  }

  // Beyond the paper (issue #14, loaders/beyond/): heads refitted on the corrected run's cached embeddings only; a
  // failure comes back as {error} (cachedBeyond catches it).
  const beyond = await cachedBeyond(cache, repo, {
    config: models.corrected.config,
    cohorts,
    model: models.corrected,
    clinical: main.clinical,
    clinicalColumns: main.clinicalColumns,
    dataHash,
    log,
  });
  if ("artifact" in beyond) timings.push({stage: "beyond the paper", seconds: beyond.seconds, cached: beyond.cached});

  // Optimism of the in-sample (training-cohort) metrics: each protocol's head refitted on bootstrap samples of
  // training patients, on its cached embeddings (loaders/optimism/). Failures are recorded in the artifact.
  const optimism = await cachedOptimism(cache, repo, {
    config,
    cohorts,
    models: {
      paper: {artifact: models.paper, config: models.paper.config, key: modelKeys.paper},
      corrected: {artifact: models.corrected, config: models.corrected.config, key: modelKeys.corrected},
    },
    log,
  });
  timings.push(...optimism.timings);

  return {
    ...(ablation === null ? {} : {ablation}),
    ...(ablationError === undefined ? {} : {ablationError}),
    ...("artifact" in beyond ? {beyond: beyond.artifact} : {beyondError: beyond.error}),
    optimism: optimism.artifact,
  };
}
