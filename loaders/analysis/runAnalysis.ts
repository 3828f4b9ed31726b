import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {type Availability, available, unavailable} from "../../src/components/analysis/availability.js";
import type {ArtifactCache} from "../cache/artifactCache.js";
import {codeVersion} from "../cache/codeVersion.js";
import type {Analysis, AnalysisInput} from "./analysis.js";

/** One analysis's outcome: its availability, and (when it ran or was read) its time and whether the cache served it. */
export interface AnalysisOutcome<T> {
  result: Availability<T>;
  timing?: {stage: string; seconds: number; cached: boolean};
}

/**
 * Runs one analysis through the artifact cache, keyed by its `key`, its code version (the import graph of its entry
 * file) and its id. The one error path: a throw becomes `failed` with the message (logged), and the caller goes on to
 * the next analysis, so a failing analysis blanks only its own page.
 */
export async function runAnalysis<T>(
  analysis: Analysis<T>,
  input: AnalysisInput,
  cache: ArtifactCache,
  repo: string,
): Promise<AnalysisOutcome<T>> {
  try {
    const skipped = analysis.skip?.(input) ?? null;
    if (skipped) return {result: unavailable(skipped.status, skipped.reason)};
    const code = await codeVersion(repo, [analysis.entry]);
    const stored = await cache.get(analysis.id, {key: analysis.key(input), code}, async (dir) => {
      const start = performance.now();
      const value = await analysis.run(input);
      await writeFile(join(dir, "value.json"), JSON.stringify(value));
      return (performance.now() - start) / 1000;
    });
    const value = JSON.parse(await readFile(join(stored.dir, "value.json"), "utf8")) as T;
    return {result: available(value), timing: {stage: analysis.title, seconds: stored.value, cached: stored.hit}};
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    input.log(`${analysis.title} failed: ${message}`);
    return {result: unavailable("failed", message)};
  }
}
