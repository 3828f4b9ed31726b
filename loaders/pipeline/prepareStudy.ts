import {join, resolve} from "node:path";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {type ArtifactCache, createArtifactCache} from "../cache/artifactCache.js";
import {codeVersion, StageEntries} from "../cache/codeVersion.js";
import {demoKey, type StageCode} from "../cache/stageKeys.js";
import {type LoadedStudyConfig, loadStudyConfig} from "../config/loadStudyConfig.js";
import {hashJson} from "../hash.js";
import {projectPaths} from "../paths.js";
import {generateStudy} from "../synth/generateStudy.js";
import {type PipelineEffects, timed} from "./stageTiming.js";
import {studyDataHash} from "./studyDataHash.js";

/**
 * The pipeline's first step, the one place it is written: runPipeline (`workbench run`, the site's data loaders) and
 * every sharded command (`prepare`, `preprocess --shard`, `merge`, `embed --shard`) start here. It resolves the
 * configuration, each stage's code version, the study's manifest (the demo study generated into the cache, once, when
 * no manifest is configured) and its data hash. Every process of a sharded run derives the same cache keys from these,
 * so their artifacts meet in the shared cache folder.
 */
export interface StudyContext {
  repo: string;
  cache: ArtifactCache;
  loaded: LoadedStudyConfig;
  config: StudyConfig;
  stageCode: StageCode;
  /** The provenance's code version: every source that shaped the numbers. */
  code: string;
  manifestPath: string;
  synthetic: boolean;
  dataHash: string;
  /** Demo generation's time, when this process generated it or found it cached. */
  demo?: {seconds: number; cached: boolean};
}

export interface PrepareOptions {
  repo: string;
  studyPath?: string | null;
  cacheDir?: string;
  /** Worker threads for demo generation (default one per core). */
  jobs?: number;
}

export async function stageCodes(repo: string): Promise<StageCode> {
  return {
    demo: await codeVersion(repo, StageEntries.demo),
    preprocess: await codeVersion(repo, StageEntries.preprocess),
    model: await codeVersion(repo, StageEntries.model),
    evaluate: await codeVersion(repo, StageEntries.evaluate),
  };
}

export async function prepareStudy(options: PrepareOptions, effects: PipelineEffects): Promise<StudyContext> {
  const repo = resolve(options.repo);
  const artifacts = options.cacheDir ?? projectPaths(repo).artifacts;
  const cache = createArtifactCache(artifacts, effects.log);
  const loaded = await loadStudyConfig(options.studyPath);
  const {config} = loaded;
  const stageCode = await stageCodes(repo);
  const code = hashJson(stageCode).slice(0, 16);
  let manifestPath = loaded.manifestPath;
  const synthetic = manifestPath === null;
  let demo: StudyContext["demo"];
  if (manifestPath === null) {
    const {scale, seed} = config.study.demo;
    const made = await cache.get("demo-study", demoKey(config, stageCode), (dir) =>
      timed(async () => {
        const result = await generateStudy(
          {outDir: dir, scale, seed, ...(options.jobs === undefined ? {} : {jobs: options.jobs})},
          {log: effects.log, progress: (done, total) => effects.progress?.("demo study", done, total)},
        );
        return result.patients;
      }),
    );
    demo = {seconds: made.value.seconds, cached: made.hit};
    manifestPath = join(made.dir, "study.csv");
  }
  const dataHash = await studyDataHash(manifestPath, config.clinical.columns, join(artifacts, "file-hashes"));
  return {repo, cache, loaded, config, stageCode, code, manifestPath, synthetic, dataHash, ...(demo ? {demo} : {})};
}
