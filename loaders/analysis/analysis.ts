import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {Protocol} from "../../src/components/study/vocabulary.js";
import type {PatchSet} from "../imaging/patchSet.js";
import type {ClinicalRow} from "../imaging/preprocessedStudy.js";
import type {ProtocolRuns} from "../train/modelArtifact.js";

/**
 * An analysis that comes after the report's main results (the two protocols' runs), as one concept: what it is
 * called, the code it runs, what its result depends on, how it runs, and why it may not run for a study. The
 * pipeline loops over the registry (loaders/pipeline/analysisRegistry.ts) with one runner (runAnalysis.ts): one cache, one timing, one error
 * path, and one availability shape for the pages (`ok` with the value, or `off` / `notApplicable` / `failed` with the
 * reason), published as one data file per analysis (`src/data/<id>.json`).
 */
export interface Analysis<T> {
  /** The cache's stage name and the site's data file (`data/<id>.json`). */
  id: string;
  /** What the Protocol page's timings and the logs call it. */
  title: string;
  /**
   * The file whose import graph is the analysis's code version (the analysis module itself, which imports everything
   * its `run` calls): editing any file it reaches, directly or not, re-keys the analysis and only it.
   */
  entry: string;
  /** Why the analysis does not run for this study, or null when it does (checked before the cache is read). */
  skip?(input: AnalysisInput): {status: "off" | "notApplicable"; reason: string} | null;
  /** Everything the result depends on besides the code: run ids, the configuration leaves it reads, data hashes. */
  key(input: AnalysisInput): unknown;
  run(input: AnalysisInput): Promise<T>;
}

/** What every analysis may read: the main runs (heads refit on their cached embeddings, never the backbone). */
export interface AnalysisInput {
  /** The study's configuration (each protocol's own is `models[protocol].config`). */
  config: StudyConfig;
  dataHash: string;
  models: ProtocolRuns;
  /** Each protocol's model-stage cache key (its configuration, patches and seeds). */
  modelKeys: Record<Protocol, string>;
  cohorts: Record<string, PatchSet>;
  clinical: ClinicalRow[];
  clinicalColumns: string[];
  /** The model stage's embedding cache. */
  embeddingsDir: string;
  log(message: string): void;
}
