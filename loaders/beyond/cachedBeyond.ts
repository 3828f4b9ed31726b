import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {BeyondArtifact} from "../../src/components/beyond/beyondArtifact.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {ArtifactCache} from "../cache/artifactCache.js";
import {codeVersion, StageEntries} from "../cache/codeVersion.js";
import {embeddingsBeside} from "../paths.js";
import {type BeyondInput, beyondStage} from "./beyondStage.js";

/**
 * The beyond-the-paper stage through the artifact cache, keyed by the corrected run (its id hashes configuration,
 * patches, weights and engine), the study data (clinical values), the configuration it reads, and its code.
 */
export async function cachedBeyond(
  cache: ArtifactCache,
  repo: string,
  input: Omit<BeyondInput, "embeddingsDir"> & {config: StudyConfig; dataHash: string},
): Promise<{artifact: BeyondArtifact; seconds: number; cached: boolean} | {error: string}> {
  try {
    return await computeOrRead(cache, repo, input);
  } catch (error) {
    // These analyses come after the report's main results: a failure here is stated on their pages (and logged),
    // never allowed to take the paper's figures down with it.
    const message = `beyond the paper: ${(error as Error).message}`;
    input.log(message);
    return {error: message};
  }
}

async function computeOrRead(
  cache: ArtifactCache,
  repo: string,
  input: Omit<BeyondInput, "embeddingsDir"> & {config: StudyConfig; dataHash: string},
): Promise<{artifact: BeyondArtifact; seconds: number; cached: boolean}> {
  const code = await codeVersion(repo, StageEntries.beyond);
  const key = {run: input.model.runId, dataHash: input.dataHash, config: input.config, code};
  const result = await cache.get("beyond", key, async (dir) => {
    const start = performance.now();
    const artifact = await beyondStage({...input, embeddingsDir: embeddingsBeside(cache.root)});
    await writeFile(join(dir, "beyond.json"), JSON.stringify(artifact));
    return (performance.now() - start) / 1000;
  });
  const artifact = JSON.parse(await readFile(join(result.dir, "beyond.json"), "utf8")) as BeyondArtifact;
  return {artifact, seconds: result.value, cached: result.hit};
}
