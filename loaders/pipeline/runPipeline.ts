import type {BeyondArtifact} from "../../src/components/beyond/beyondArtifact.js";
import type {OptimismArtifact} from "../../src/components/optimism/optimismArtifact.js";
import type {Evaluation} from "../../src/components/stats/evaluatePredictions.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {Protocol} from "../../src/components/study/vocabulary.js";
import type {AblationRun} from "../ablation/runAblation.js";
import type {LoadedStudyConfig} from "../config/loadStudyConfig.js";
import type {FlowReport} from "../imaging/flowReport.js";
import type {PatchSet} from "../imaging/patchSet.js";
import {readPatchStore} from "../imaging/patchStore.js";
import type {ClinicalRow} from "../imaging/preprocessedStudy.js";
import {projectPaths} from "../paths.js";
import type {ModelArtifact} from "../train/modelArtifact.js";
import {runExtraStages} from "./extraStages.js";
import type {SensitivityRun} from "./geometrySensitivity.js";
import {createModelStages, runProtocols} from "./modelStages.js";
import {prepareStudy} from "./prepareStudy.js";
import {planPreprocess} from "./preprocessStage.js";
import {runSensitivityGeometry} from "./sensitivityStage.js";
import type {PipelineEffects, StageTiming} from "./stageTiming.js";

/**
 * The whole pipeline, stage by stage, each through the content-addressed artifact cache:
 *   config → study (demo generation when no manifest) → preprocess → model (features, train, predict; both
 *   protocols on the same cached embeddings) → evaluate → geometry sensitivity → ablation, beyond the paper, optimism.
 * A second run with nothing changed reads every stage from the cache. The site's data loaders and `workbench run`
 * both call this; the loaders then write one artifact each. This file only says what runs in which order; each
 * stage's workings are in the module it names, and the timings are listed in the order the stages run here.
 */
export interface PipelineOptions {
  repo: string;
  /** Study JSON file; null/undefined = the built-in demo study. */
  studyPath?: string | null;
  cacheDir?: string;
  runsDir?: string;
  /** Worker threads for demo generation and preprocessing (default one per core); results are the same for any. */
  jobs?: number;
}

export interface PipelineResult {
  loaded: LoadedStudyConfig;
  config: StudyConfig;
  synthetic: boolean;
  manifestPath: string;
  dataHash: string;
  codeVersion: string;
  preprocessDir: string;
  flow: FlowReport;
  clinical: ClinicalRow[];
  clinicalColumns: string[];
  cohorts: Record<string, PatchSet>;
  /** Each protocol's run with the configuration it ran under (switchProtocol applied once, in runProtocols). */
  models: Record<Protocol, ModelArtifact & {dir: string; config: StudyConfig}>;
  evaluations: Record<Protocol, Evaluation>;
  /** Issue #13's ablation ladder (loaders/ablation/), from the paper run's cached embeddings; absent when disabled. */
  ablation?: AblationRun;
  /** Why `ablation` is null when its stage failed (the rest of the report still builds). */
  ablationError?: string;
  /** Analyses beyond the paper on the corrected run (clinical baseline, across centres, ordinal, calibration). */
  beyond?: BeyondArtifact;
  /** Why `beyond` is absent when its stage failed (the rest of the report still builds). */
  beyondError?: string;
  /** Harrell's optimism of each protocol's in-sample metrics (loaders/optimism/); failures recorded inside. */
  optimism?: OptimismArtifact;
  /** The corrected protocol under each geometry of config.sensitivity.geometries (geometrySensitivity.ts). */
  sensitivity: SensitivityRun[];
  timings: StageTiming[];
}

export async function runPipeline(options: PipelineOptions, effects: PipelineEffects): Promise<PipelineResult> {
  // Study: the configuration, each stage's code version, the manifest (or the demo study generated, once, from its
  // seed) and its data hash, exactly as the sharded commands resolve them (prepareStudy.ts), so the keys agree.
  const ctx = await prepareStudy(options, effects);
  const {config} = ctx;
  const runsDir = options.runsDir ?? projectPaths(ctx.repo).runs;
  const timings: StageTiming[] = [];
  if (ctx.demo) timings.push({stage: "demo study", ...ctx.demo});

  // Preprocess: the main run's patches, and (in the same pass) every other geometry of the sensitivity analysis.
  const preprocess = await planPreprocess(ctx, effects, options.jobs);
  const prep = await preprocess(config, true);
  timings.push({stage: "preprocess", seconds: prep.value.seconds, cached: prep.hit});
  const stored = await readPatchStore(prep.dir);
  const cohorts = stored.cohorts;

  // Model and evaluate: both protocols, then the corrected protocol under each geometry of the sensitivity analysis
  // (which records a geometry it cannot analyse and carries on). One engine serves them all, loaded on a cache miss.
  const stages = createModelStages(ctx, runsDir, effects.log);
  const sensitivity: SensitivityRun[] = [];
  let main: Awaited<ReturnType<typeof runProtocols>>;
  try {
    main = await runProtocols(stages, config, prep, cohorts, timings);
    const input = {
      config,
      main: {stage: prep, flow: stored.flow},
      cohorts,
      preprocess,
      stages,
      timings,
      log: effects.log,
    };
    for (const geometry of config.sensitivity.geometries) {
      sensitivity.push(await runSensitivityGeometry(geometry, input));
    }
  } finally {
    await stages.dispose();
  }

  // After the main results, on their cached embeddings: ablation ladder, beyond the paper, optimism. A failure in
  // any is recorded for its page and the rest of the site still builds.
  const {models, evaluations, modelKeys} = main;
  const {clinical, clinicalColumns} = stored;
  const extra = await runExtraStages(
    ctx,
    {models, modelKeys, cohorts, clinical, clinicalColumns},
    timings,
    effects.log,
  );

  return {
    loaded: ctx.loaded,
    config,
    synthetic: ctx.synthetic,
    manifestPath: ctx.manifestPath,
    dataHash: ctx.dataHash,
    codeVersion: ctx.code,
    preprocessDir: prep.dir,
    flow: stored.flow,
    clinical: stored.clinical,
    clinicalColumns: stored.clinicalColumns,
    cohorts,
    models,
    evaluations,
    sensitivity,
    ...extra,
    timings,
  };
}
