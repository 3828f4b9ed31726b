import {readFile, writeFile} from "node:fs/promises";
import {join, resolve} from "node:path";
import type {Evaluation, PredictionRow} from "../../src/components/stats/evaluatePredictions.js";
import {evaluatePredictions} from "../../src/components/stats/evaluatePredictions.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {type Protocol, Protocols} from "../../src/components/study/vocabulary.js";
import {type LoadedStudyConfig, loadStudyConfig} from "../config/loadStudyConfig.js";
import {switchProtocol} from "../config/protocolDefaults.js";
import {backboneSpec} from "../features/backboneSpec.js";
import {createEngine} from "../features/createEngine.js";
import type {EmbeddingEngine} from "../features/engine.js";
import {hashJson} from "../hash.js";
import type {FlowReport} from "../imaging/flowReport.js";
import type {PatchSet} from "../imaging/patchSet.js";
import {readPatchStore, writePatchStore} from "../imaging/patchStore.js";
import {type ClinicalRow, preprocessStudy} from "../imaging/preprocessStudy.js";
import {embeddingsBeside, projectPaths} from "../paths.js";
import {generateStudy} from "../synth/generateStudy.js";
import {runModel} from "../train/runModel.js";
import {type ArtifactCache, createArtifactCache} from "./artifactCache.js";
import {codeVersion, StageSources} from "./codeVersion.js";
import {evaluationOptions} from "./evaluationOptions.js";
import {measureThroughput} from "./measureThroughput.js";
import {type ModelArtifact, readModelArtifact, writeModelArtifact} from "./modelArtifact.js";
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
      timed(() => generateStudy({outDir: dir, scale, seed}, {log: effects.log}).then((r) => r.patients)),
    );
    timings.push({stage: "demo study", seconds: demo.value.seconds, cached: demo.hit});
    manifestPath = join(demo.dir, "study.csv");
  }
  const dataHash = await studyDataHash(manifestPath, config.clinical.columns);

  // Preprocess: read, validate, resample, window, select slices, extract patches.
  const prep = await cache.get(
    "preprocess",
    // clinical.columns decides which manifest columns are read (and whether the manifest is accepted at all).
    {dataHash, imaging: config.imaging, patches: config.patches, clinical: config.clinical, code: stageCode.preprocess},
    async (dir) =>
      timed(async () => {
        const study = await preprocessStudy(manifestPath, config, {
          log: effects.log,
          progress: (cohort, done, total) => effects.progress?.(`preprocess ${cohort}`, done, total),
        });
        await writePatchStore(dir, study);
        return Object.values(study.cohorts).reduce((n, set) => n + set.records.length, 0);
      }),
  );
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
  try {
    for (const protocol of Protocols) {
      const protocolConfig = switchProtocol(config, protocol);
      const modelKey = {
        preprocess: prep.key,
        protocol,
        model: {...protocolConfig.model, engine: undefined, backend: undefined},
        augmentation: protocolConfig.augmentation,
        seeds: protocolConfig.seeds,
        cohorts: protocolConfig.cohorts,
        code: stageCode.model,
      };
      const model = await cache.get(`model-${protocol}`, modelKey, (dir) =>
        timed(async () => {
          if (!engine) {
            engine = await createEngine(backbone, config.model.engine, {log: effects.log});
            throughput = await measureThroughput(engine, Object.values(cohorts));
            effects.log(`engine ${engine.name}: ${throughput?.toFixed(1) ?? "?"} embeddings/s`);
          }
          const run = await runModel(
            {cohorts, config: protocolConfig, engine, backbone, cacheDir: embeddingsBeside(cache.root), runsDir},
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
      timings.push({stage: `model (${protocol})`, seconds: model.value.seconds, cached: model.hit});
      const artifact = await readModelArtifact(model.dir);
      models[protocol] = {...artifact, dir: model.dir, config: protocolConfig};

      const evaluation = await cache.get(
        `evaluate-${protocol}`,
        {
          model: model.key,
          evaluation: protocolConfig.evaluation,
          seed: protocolConfig.seeds.bootstrap,
          code: stageCode.evaluate,
        },
        async (dir) => {
          const result = await timed(async () =>
            evaluatePredictions(toPredictionRows(artifact), evaluationOptions(protocolConfig)),
          );
          await writeFile(join(dir, "metrics.json"), JSON.stringify(result.value));
          return result.seconds;
        },
      );
      timings.push({stage: `evaluate (${protocol})`, seconds: evaluation.value, cached: evaluation.hit});
      evaluations[protocol] = JSON.parse(await readFile(join(evaluation.dir, "metrics.json"), "utf8")) as Evaluation;
    }
  } finally {
    await engine?.dispose();
  }

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
