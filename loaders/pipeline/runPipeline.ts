import type {Evaluation} from "../../src/components/stats/evaluatePredictions.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {Protocol} from "../../src/components/study/vocabulary.js";
import type {LoadedStudyConfig} from "../config/loadStudyConfig.js";
import type {FlowReport} from "../imaging/flowReport.js";
import type {PatchSet} from "../imaging/patchSet.js";
import {readPatchStore} from "../imaging/patchStore.js";
import type {ClinicalRow} from "../imaging/preprocessedStudy.js";
import {embeddingsBeside, projectPaths} from "../paths.js";
import type {ModelArtifact} from "../train/modelArtifact.js";
import {type AnalysisResults, runAnalyses} from "./analysisRegistry.js";
import type {SensitivityRun} from "./geometrySensitivity.js";
import {createModelStages, runProtocols} from "./modelStages.js";
import {prepareStudy} from "./prepareStudy.js";
import {planPreprocess} from "./preprocessStage.js";
import {runSensitivityGeometry} from "./sensitivityStage.js";
import type {PipelineEffects, StageTiming} from "./stageTiming.js";

/**
 * The whole pipeline, stage by stage, each through the content-addressed artifact cache:
 *   config → study (demo generation when no manifest) → preprocess → model (features, train, predict; both
 *   protocols on the same cached embeddings) → evaluate → geometry sensitivity → the analyses (analysisRegistry.ts).
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
  /**
   * Every analysis of the registry (ablation ladder, clinical baseline, across centres, ordinal, calibration extras,
   * sample size, optimism), each `ok` with its value or `off` / `notApplicable` / `failed` with the reason.
   */
  analyses: AnalysisResults;
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

  // After the main results, on their cached embeddings (heads only): every analysis of the registry. A failure in
  // one is recorded for its page and the rest of the site still builds.
  const {models, evaluations, modelKeys} = main;
  const analyses = await runAnalyses(
    {
      config,
      dataHash: ctx.dataHash,
      models,
      modelKeys,
      cohorts,
      clinical: stored.clinical,
      clinicalColumns: stored.clinicalColumns,
      embeddingsDir: embeddingsBeside(ctx.cache.root),
      log: effects.log,
    },
    ctx.cache,
    ctx.repo,
    timings,
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
    analyses,
    timings,
  };
}
