import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {
  type OptimismArtifact,
  type OptimismProtocol,
  optimismMethod,
} from "../../src/components/optimism/optimismArtifact.js";
import {deriveSeed} from "../../src/components/stats/random.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {type Protocol, Protocols} from "../../src/components/study/vocabulary.js";
import type {ArtifactCache} from "../cache/artifactCache.js";
import {codeVersion, StageEntries} from "../cache/codeVersion.js";
import {optimismKey} from "../cache/stageKeys.js";
import type {PatchSet} from "../imaging/patchSet.js";
import {embeddingsBeside} from "../paths.js";
import type {ModelArtifact} from "../train/modelArtifact.js";
import {optimismStage} from "./optimismStage.js";

/**
 * The optimism stage of every protocol through the artifact cache (keyed by optimismKey: the protocol's model stage
 * key, the replicates, seed and aggregation, and this stage's code). A protocol whose refits fail is recorded with
 * the reason and the other still runs; `optimism.replicates: 0` turns the stage off and says so.
 */
export async function cachedOptimism(
  cache: ArtifactCache,
  repo: string,
  input: {
    config: StudyConfig;
    cohorts: Record<string, PatchSet>;
    models: Record<Protocol, {artifact: ModelArtifact; config: StudyConfig; key: string}>;
    log(message: string): void;
  },
): Promise<{artifact: OptimismArtifact; timings: Array<{stage: string; seconds: number; cached: boolean}>}> {
  const {config, log} = input;
  const replicates = config.optimism.replicates;
  const seed = deriveSeed(config.seeds.bootstrap, "optimism");
  const training = input.models.corrected.artifact.provenance.trainingCohort;
  const artifact: OptimismArtifact = {
    trainingCohort: training,
    replicates,
    seed,
    aggregation: config.evaluation.aggregation,
    method: optimismMethod(replicates, seed, training),
    protocols: {},
    errors: {},
  };
  const timings: Array<{stage: string; seconds: number; cached: boolean}> = [];
  if (replicates === 0) {
    artifact.emptyReason = "The optimism correction is off (optimism.replicates is 0).";
    return {artifact, timings};
  }
  const code = {optimism: await codeVersion(repo, StageEntries.optimism)};
  for (const protocol of Protocols) {
    const {artifact: model, config: protocolConfig, key} = input.models[protocol];
    try {
      const result = await cache.get(`optimism-${protocol}`, optimismKey(protocolConfig, key, code), async (dir) => {
        const value = await optimismStage({
          config: protocolConfig,
          cohorts: input.cohorts,
          model,
          embeddingsDir: embeddingsBeside(cache.root),
          seed,
          log,
        });
        await writeFile(join(dir, "optimism.json"), JSON.stringify(value));
        return value.seconds;
      });
      const value = JSON.parse(await readFile(join(result.dir, "optimism.json"), "utf8")) as OptimismProtocol;
      artifact.protocols[protocol] = value;
      timings.push({stage: `optimism (${protocol})`, seconds: result.value, cached: result.hit});
    } catch (error) {
      // The optimism correction comes after the report's main results: a failure is stated beside the in-sample
      // numbers, never allowed to take the pages down.
      const message = (error as Error).message;
      artifact.errors[protocol] = message;
      log(`optimism (${protocol}) failed: ${message}`);
    }
  }
  return {artifact, timings};
}
