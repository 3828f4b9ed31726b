import {createHash} from "node:crypto";
import {readdir, readFile} from "node:fs/promises";
import {join, relative} from "node:path";

/** The source files under a folder (or the file itself), in a stable order; weights, runs and dot-folders skipped. */
async function* sourceFiles(dir: string): AsyncGenerator<string> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(dir, {withFileTypes: true});
  } catch (error) {
    // A single source file rather than a folder.
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") yield dir;
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "weights" && entry.name !== "runs" && !entry.name.startsWith(".")) yield* sourceFiles(path);
    } else if (/\.(ts|mjs|js|json)$/.test(entry.name)) yield path;
  }
}

/**
 * The code version that artifacts are keyed by: a hash of the source files (folders or single files) a stage runs,
 * and the lockfile, so a dependency upgrade invalidates too. Folder-level rather than import-level: coarse on
 * purpose — a stale figure is worse than a recomputation.
 */
export async function codeVersion(repo: string, dirs: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of dirs) {
    for await (const file of sourceFiles(join(repo, dir))) {
      hash.update(relative(repo, file));
      hash.update(await readFile(file));
    }
  }
  try {
    hash.update(await readFile(join(repo, "package-lock.json")));
  } catch {
    // A checkout without a lockfile still gets a code version from its sources.
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * The sources each pipeline stage depends on (see runPipeline.ts). Shared config code, and the vocabulary and
 * StudyConfig type it is built from (src/components/study), are part of every stage.
 */
export const StageSources = {
  demo: [
    "loaders/synth",
    "loaders/imaging/writeVolume.ts",
    "loaders/imaging/itkCall.ts",
    "src/components/stats/random.ts",
    "src/components/study",
  ],
  preprocess: ["loaders/config", "loaders/cohort", "loaders/imaging", "src/components/study"],
  model: [
    "loaders/config",
    "loaders/features",
    "loaders/weights",
    "loaders/predict",
    "loaders/runs",
    "loaders/train",
    "models",
    "src/components/predictions/patchPredictions.ts",
    "src/components/stats/random.ts",
    "src/components/study",
  ],
  evaluate: ["src/components/stats", "src/components/study", "loaders/pipeline/evaluationOptions.ts"],
  ablation: [
    "loaders/ablation",
    "loaders/beyond/cachedEmbeddings.ts",
    "loaders/features/embeddingCache.ts",
    "loaders/features/extractEmbeddings.ts",
    "loaders/train",
    "models/head.ts",
    "src/components/ablation",
    "src/components/predictions/patchPredictions.ts",
    "src/components/stats",
    "src/components/study",
  ],
  beyond: [
    "loaders/beyond",
    "loaders/cohort/clinicalColumns.ts",
    "loaders/train",
    "models",
    "src/components/beyond",
    "src/components/stats",
    "src/components/study",
  ],
  optimism: [
    "loaders/optimism",
    "loaders/beyond/refitHead.ts",
    "loaders/beyond/cachedEmbeddings.ts",
    "loaders/features/embeddingCache.ts",
    "loaders/features/extractEmbeddings.ts",
    "loaders/train",
    "models",
    "src/components/optimism",
    "src/components/stats",
    "src/components/study",
  ],
} as const;
