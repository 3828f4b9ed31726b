import {readFile, writeFile} from "node:fs/promises";
import {join, resolve} from "node:path";
import type {BeyondArtifact} from "../../src/components/beyond/beyondArtifact.js";
import type {OptimismArtifact} from "../../src/components/optimism/optimismArtifact.js";
import type {Evaluation, PredictionRow} from "../../src/components/stats/evaluatePredictions.js";
import {evaluatePredictions} from "../../src/components/stats/evaluatePredictions.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {type Protocol, Protocols} from "../../src/components/study/vocabulary.js";
import {cachedAblation} from "../ablation/cachedAblation.js";
import type {AblationRun} from "../ablation/runAblation.js";
import {cachedBeyond} from "../beyond/cachedBeyond.js";
import {cachedOptimism} from "../optimism/cachedOptimism.js";
import {type LoadedStudyConfig, loadStudyConfig} from "../config/loadStudyConfig.js";
import {switchProtocol} from "../config/protocolDefaults.js";
import {backboneSpec} from "../features/backboneSpec.js";
import {createEngine} from "../features/createEngine.js";
import type {EmbeddingEngine} from "../features/engine.js";
import {hashJson} from "../hash.js";
import type {FlowReport} from "../imaging/flowReport.js";
import type {PatchSet} from "../imaging/patchSet.js";
import {readPatchStore, writePatchStore} from "../imaging/patchStore.js";
import type {ClinicalRow, PreprocessedStudy} from "../imaging/preprocessedStudy.js";
import type {CutRequest} from "../imaging/preprocessManifestPatient.js";
import {preprocessStudies} from "../imaging/preprocessStudy.js";
import {embeddingsBeside, projectPaths} from "../paths.js";
import {generateStudy} from "../synth/generateStudy.js";
import {runModel} from "../train/runModel.js";
import {type ArtifactCache, createArtifactCache} from "./artifactCache.js";
import {codeVersion, StageSources} from "./codeVersion.js";
import {evaluationOptions} from "./evaluationOptions.js";
import {
  notAnalysableRun,
  reusesMainRun,
  type SensitivityRun,
  sensitivityConfig,
  sensitivityRun,
  sharesMainPatches,
  untrainableReason,
} from "./geometrySensitivity.js";
import {measureThroughput} from "./measureThroughput.js";
import {type ModelArtifact, readModelArtifact, writeModelArtifact} from "./modelArtifact.js";
import {evaluateKey, modelKey, preprocessKey} from "./stageKeys.js";
import {studyDataHash} from "./studyDataHash.js";

/**
 * The whole pipeline, stage by stage, each through the content-addressed artifact cache:
 *   config → study (demo generation when no manifest) → preprocess → model (features, train, predict; both
 *   protocols on the same cached embeddings) → evaluate.
 * A second run with nothing changed reads every stage from the cache. The site's data loaders and `workbench run`
 * both call this; the loaders then write one artifact each.
 */
export interface PipelineEffects {
  log(message: string): void;
  progress?(stage: string, done: number, total: number): void;
}

export interface PipelineOptions {
  repo: string;
  /** Study JSON file; null/undefined = the built-in demo study. */
  studyPath?: string | null;
  cacheDir?: string;
  runsDir?: string;
  /** Worker threads for demo generation and preprocessing (default one per core); results are the same for any. */
  jobs?: number;
}

export interface StageTiming {
  stage: string;
  seconds: number;
  cached: boolean;
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
  /** Each protocol's run with the configuration it ran under (switchProtocol applied here, once). */
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

interface Timed<T> {
  seconds: number;
  value: T;
}

async function timed<T>(make: () => Promise<T>): Promise<Timed<T>> {
  const start = performance.now();
  const value = await make();
  return {seconds: (performance.now() - start) / 1000, value};
}

export async function runPipeline(options: PipelineOptions, effects: PipelineEffects): Promise<PipelineResult> {
  const repo = resolve(options.repo);
  const defaults = projectPaths(repo);
  const cache: ArtifactCache = createArtifactCache(options.cacheDir ?? defaults.artifacts, effects.log);
  const runsDir = options.runsDir ?? defaults.runs;
  const timings: StageTiming[] = [];
  const loaded = await loadStudyConfig(options.studyPath);
  const {config} = loaded;
  const stageCode = {
    demo: await codeVersion(repo, [...StageSources.demo]),
    preprocess: await codeVersion(repo, [...StageSources.preprocess]),
    model: await codeVersion(repo, [...StageSources.model]),
    evaluate: await codeVersion(repo, [...StageSources.evaluate]),
  };
  // The provenance's code version: every source that shaped the numbers, derived rather than hashed a second time.
  const code = hashJson(stageCode).slice(0, 16);

  // Study: the manifest, or the demo study generated (once) from its seed.
  let manifestPath = loaded.manifestPath;
  const synthetic = manifestPath === null;
  if (manifestPath === null) {
    const {scale, seed} = config.study.demo;
    const demo = await cache.get("demo-study", {scale, seed, code: stageCode.demo}, (dir) =>
      timed(() =>
        generateStudy(
          {outDir: dir, scale, seed, jobs: options.jobs},
          {log: effects.log, progress: (done, total) => effects.progress?.("demo study", done, total)},
        ).then((r) => r.patients),
      ),
    );
    timings.push({stage: "demo study", seconds: demo.value.seconds, cached: demo.hit});
    manifestPath = join(demo.dir, "study.csv");
  }
  const dataHash = await studyDataHash(manifestPath, config.clinical.columns);

  // Preprocess: read, validate, resample, window, select slices, extract patches (and, for the main run, the gallery's
  // context crops; the sensitivity runs skip them and their thumbnails, and say so in their key). Reading the files
  // dominates, so the main run and every other geometry of the sensitivity analysis are cut in ONE pass (each patient
  // read once): every one whose artifact is missing joins the pass, and each is stored under its own key exactly as if
  // it had been computed alone (byte-identical), its timing being its share of the pass.
  const requests: CutRequest[] = [
    {config, options: {contexts: true}},
    ...config.sensitivity.geometries
      .filter((geometry) => !sharesMainPatches(config, geometry))
      .map((geometry) => ({config: sensitivityConfig(config, geometry).config, options: {contexts: false}})),
  ];
  const preprocessKeyOf = (r: CutRequest) => preprocessKey(r.config, dataHash, stageCode, r.options.contexts !== false);
  const pending: CutRequest[] = [];
  for (const r of requests) {
    const id = hashJson(preprocessKeyOf(r));
    if (pending.some((p) => hashJson(preprocessKeyOf(p)) === id)) continue;
    if (!(await cache.peek("preprocess", preprocessKeyOf(r)))) pending.push(r);
  }
  let pass: Promise<{studies: Array<PreprocessedStudy | undefined>; seconds: number[]}> | undefined;
  const cutStudies = (batch: readonly CutRequest[]) =>
    preprocessStudies(
      manifestPath,
      batch,
      {
        log: effects.log,
        progress: (cohort, done, total) => effects.progress?.(`preprocess ${cohort}`, done, total),
      },
      {jobs: options.jobs},
    ) as Promise<{studies: Array<PreprocessedStudy | undefined>; seconds: number[]}>;
  const preprocessFor = (stageConfig: StudyConfig, contexts: boolean) => {
    const request: CutRequest = {config: stageConfig, options: {contexts}};
    const id = hashJson(preprocessKeyOf(request));
    return cache.get("preprocess", preprocessKeyOf(request), async (dir) => {
      const found = pending.findIndex((p) => hashJson(preprocessKeyOf(p)) === id);
      // Not foreseen (its artifact vanished after the check above): cut alone. Otherwise the pass serves every request.
      if (found >= 0) pass ??= cutStudies(pending);
      const cut = found < 0 || !pass ? await cutStudies([request]) : await pass;
      const index = Math.max(0, found);
      const study = cut.studies[index];
      if (!study) throw new Error(`preprocess: the one-pass study for request ${index} was already written`);
      cut.studies[index] = undefined; // written once; release its pixels
      await writePatchStore(dir, study, {thumbnails: contexts});
      const value = Object.values(study.cohorts).reduce((n, set) => n + set.records.length, 0);
      return {seconds: cut.seconds[index]!, value};
    });
  };
  const prep = await preprocessFor(config, true);
  timings.push({stage: "preprocess", seconds: prep.value.seconds, cached: prep.hit});
  const stored = await readPatchStore(prep.dir);
  const cohorts = stored.cohorts;

  // Model: both protocols on the same cached embeddings; the engine loads only on a cache miss. The protocols differ
  // in the head, loss and evaluation only, so one backbone (weights, BatchNorm epsilon, backend) serves both.
  const backbone = backboneSpec(config);
  let engine: EmbeddingEngine | undefined;
  let throughput: number | null = null;
  const models = {} as PipelineResult["models"];
  const evaluations = {} as PipelineResult["evaluations"];
  const modelKeys = {} as Record<Protocol, string>;
  const sensitivity: SensitivityRun[] = [];
  // The model stage for one protocol's configuration on one patch store; `cams: false` (sensitivity runs) skips the
  // gallery's class activation maps and is part of the key, so the main runs' keys are unchanged.
  const modelFor = (
    protocol: Protocol,
    protocolConfig: StudyConfig,
    stage: {key: string},
    stageCohorts: Record<string, PatchSet>,
    cams = true,
  ) => {
    const key = {...modelKey(protocolConfig, protocol, stage.key, stageCode), ...(cams ? {} : {cams: false})};
    return cache.get(`model-${protocol}`, key, (dir) =>
      timed(async () => {
        if (!engine) {
          engine = await createEngine(backbone, config.model.engine, {log: effects.log});
          throughput = await measureThroughput(engine, Object.values(stageCohorts));
          effects.log(`engine ${engine.name}: ${throughput?.toFixed(1) ?? "?"} embeddings/s`);
        }
        const run = await runModel(
          {
            cohorts: stageCohorts,
            config: protocolConfig,
            engine,
            backbone,
            cacheDir: embeddingsBeside(cache.root),
            runsDir,
            ...(cams ? {} : {galleryPatchIds: () => []}),
          },
          {log: effects.log},
        );
        await writeModelArtifact(dir, {
          ...run,
          synthetic,
          dataHash,
          codeVersion: code,
          embeddingsPerSecond: throughput,
        });
        return run.runId;
      }),
    );
  };
  const evaluateFor = async (protocol: Protocol, protocolConfig: StudyConfig, model: {key: string; dir: string}) => {
    const artifact = await readModelArtifact(model.dir);
    const evaluation = await cache.get(
      `evaluate-${protocol}`,
      evaluateKey(protocolConfig, model.key, stageCode),
      async (dir) => {
        const result = await timed(async () =>
          evaluatePredictions(toPredictionRows(artifact), evaluationOptions(protocolConfig)),
        );
        await writeFile(join(dir, "metrics.json"), JSON.stringify(result.value));
        return result.seconds;
      },
    );
    const metrics = JSON.parse(await readFile(join(evaluation.dir, "metrics.json"), "utf8")) as Evaluation;
    return {artifact, evaluation, metrics};
  };
  try {
    for (const protocol of Protocols) {
      const protocolConfig = switchProtocol(config, protocol);
      const model = await modelFor(protocol, protocolConfig, prep, cohorts);
      timings.push({stage: `model (${protocol})`, seconds: model.value.seconds, cached: model.hit});
      const {artifact, evaluation, metrics} = await evaluateFor(protocol, protocolConfig, model);
      models[protocol] = {...artifact, dir: model.dir, config: protocolConfig};
      modelKeys[protocol] = model.key;
      timings.push({stage: `evaluate (${protocol})`, seconds: evaluation.value, cached: evaluation.hit});
      evaluations[protocol] = metrics;
    }

    // Geometry sensitivity: the corrected protocol under each listed geometry. The main run's geometry reuses its patch
    // store (and so its cached embeddings); every other geometry is preprocessed once, without gallery crops.
    // A geometry that leaves the training cohort without patches (fixed 32 mm on a tiny study), or whose run fails, is
    // recorded as not analysable with the reason and the pipeline carries on: it is a sensitivity analysis, never a
    // reason to lose the report.
    for (const geometry of config.sensitivity.geometries) {
      const run = sensitivityConfig(config, geometry);
      const shared = sharesMainPatches(config, geometry);
      let patches: {flow: FlowReport; cohorts: Record<string, PatchSet>} | null = null;
      try {
        const stage = shared ? prep : await preprocessFor(run.config, false);
        if (!shared) {
          timings.push({stage: `sensitivity preprocess (${run.name})`, seconds: stage.value.seconds, cached: stage.hit});
        }
        patches = shared ? {flow: stored.flow, cohorts} : await readPatchStore(stage.dir);
        const untrainable = untrainableReason(config.cohorts.training, run.name, patches.flow, patches.cohorts);
        if (untrainable) {
          effects.log(`sensitivity ${run.name}: not analysable: ${untrainable}`);
          sensitivity.push(notAnalysableRun(geometry, shared, patches, untrainable));
          continue;
        }
        // CAMs only when this is the main corrected run itself, whose cached entry (CAMs included) is then reused.
        const model = await modelFor(
          "corrected",
          run.protocolConfig,
          stage,
          patches.cohorts,
          reusesMainRun(config, geometry),
        );
        timings.push({stage: `sensitivity model (${run.name})`, seconds: model.value.seconds, cached: model.hit});
        const {artifact, evaluation, metrics} = await evaluateFor("corrected", run.protocolConfig, model);
        timings.push({stage: `sensitivity evaluate (${run.name})`, seconds: evaluation.value, cached: evaluation.hit});
        sensitivity.push(sensitivityRun(geometry, shared, patches.flow, patches.cohorts, artifact, metrics));
      } catch (error) {
        const reason = `its run failed: ${error instanceof Error ? error.message : String(error)}`;
        effects.log(`sensitivity ${run.name}: not analysable: ${reason}`);
        sensitivity.push(notAnalysableRun(geometry, shared, patches, reason));
      }
    }
  } finally {
    await engine?.dispose();
  }

  // Ablation ladder (issue #13): heads only, on the paper run's cached embeddings. A failure is reported on its page.
  let ablation: AblationRun | null = null;
  let ablationError: string | undefined;
  try {
    const stage = await cachedAblation(cache, repo, {
      config: models.paper.config,
      cohorts,
      model: models.paper,
      log: effects.log,
    });
    ablation = stage.run;
    if (stage.run) timings.push({stage: "ablation ladder", seconds: stage.seconds, cached: stage.cached});
  } catch (error) {
    ablationError = error instanceof Error ? error.message : String(error);
    effects.log(`ablation ladder failed: ${ablationError}`);
  }

  // Beyond the paper (issue #14, loaders/beyond/): heads refitted on the corrected run's cached embeddings only.
  const beyond = await cachedBeyond(cache, repo, {
    config: models.corrected.config,
    cohorts,
    model: models.corrected,
    clinical: stored.clinical,
    clinicalColumns: stored.clinicalColumns,
    dataHash,
    log: effects.log,
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
    log: effects.log,
  });
  timings.push(...optimism.timings);

  return {
    loaded,
    config,
    synthetic,
    manifestPath,
    dataHash,
    codeVersion: code,
    preprocessDir: prep.dir,
    flow: stored.flow,
    clinical: stored.clinical,
    clinicalColumns: stored.clinicalColumns,
    cohorts,
    models,
    evaluations,
    ...(ablation === null ? {} : {ablation}),
    ...(ablationError === undefined ? {} : {ablationError}),
    sensitivity,
    ...("artifact" in beyond ? {beyond: beyond.artifact} : {beyondError: beyond.error}),
    optimism: optimism.artifact,
    timings,
  };
}

export function toPredictionRows(model: ModelArtifact): PredictionRow[] {
  return model.predictions.map((p) => ({
    patientId: p.patientId,
    cohort: p.cohort,
    label: p.label,
    probabilities: p.probabilities,
    patchId: p.patchId,
  }));
}
