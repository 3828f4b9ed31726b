import {createHash} from "node:crypto";
import {readFileSync, statSync} from "node:fs";
import {join, resolve} from "node:path";
import {importGraph} from "./importGraph.js";
import {type LockFile, lockedPackages} from "./lockedPackages.js";

/**
 * The code version a stage's artifacts are keyed by: a hash of everything its entry files load when they run (see
 * importGraph.ts): every repository file they import, transitively, by repository-relative path and content, and
 * every npm package they import, with what it depends on, at the version and integrity package-lock.json pins. The
 * import graph rather than hand-listed folders, because a list misses what it does not name (an `argmax` imported
 * from the statistics, a worker's own imports) and a missed file means a page showing numbers the current code would
 * not produce. The hash never sees the checkout's absolute path, so every clone of one commit agrees.
 */
export async function codeVersion(repo: string, entries: readonly string[]): Promise<string> {
  const graph = importGraph(repo, entries);
  const hash = createHash("sha256");
  for (const file of graph.files) hash.update(`file ${file.path} ${file.sha256}\n`);
  for (const line of lockedPackagesOf(repo, graph.packages)) hash.update(`package ${line}\n`);
  // An import of a file that is not there is part of the code as written (creating the file changes what runs).
  for (const line of graph.unresolved) hash.update(`unresolved ${line}\n`);
  return hash.digest("hex").slice(0, 16);
}

/**
 * The lockfile as last read in this process (while its time and size stay the same), with the packages each set of
 * names brings in: every stage of a process reads the same lockfile, and parsing it and walking its dependencies is
 * most of a warm code version's cost.
 */
let lockRecord:
  | {path: string; mtimeMs: number; size: number; lock: LockFile; closures: Map<string, string[]>}
  | undefined;

function lockedPackagesOf(repo: string, names: readonly string[]): string[] {
  const path = join(resolve(repo), "package-lock.json");
  const stats = statSync(path, {throwIfNoEntry: false});
  if (!stats?.isFile()) return lockedPackages({}, names); // without a lockfile, the packages by name only
  if (lockRecord?.path !== path || lockRecord.mtimeMs !== stats.mtimeMs || lockRecord.size !== stats.size) {
    const lock = JSON.parse(readFileSync(path, "utf8")) as LockFile;
    lockRecord = {path, mtimeMs: stats.mtimeMs, size: stats.size, lock, closures: new Map()};
  }
  const key = names.join("\n");
  let lines = lockRecord.closures.get(key);
  if (!lines) {
    lines = lockedPackages(lockRecord.lock, names);
    lockRecord.closures.set(key, lines);
  }
  return lines;
}

/**
 * Each pipeline stage's entry files: the module holding the code that computes the stage's artifact (the body of its
 * artifact-cache computation), or, where that body only calls one function, the module defining that function. The
 * files those import are found, not listed. The analyses after the main results name their own entry (Analysis.entry;
 * every stage's entries together are `CodeEntries` in loaders/pipeline/analysisRegistry.ts).
 */
export const StageEntries = {
  // prepareStudy's computation only calls generateStudy (whose workers run synthTask.ts, found through it).
  demo: ["loaders/synth/generateStudy.ts"],
  // The single-process pass, and what the sharded path (shardStages.ts: preprocessShard, mergePreprocess) runs to
  // store the very same artifact. Not shardStages.ts itself: its embedShard would bring the embedding engines into
  // the key of the stage that is slowest to redo.
  preprocess: [
    "loaders/pipeline/preprocessStage.ts",
    "loaders/imaging/preprocessPatients.ts",
    "loaders/imaging/assembleStudy.ts",
    "loaders/imaging/outcomeStore.ts",
    "loaders/cluster/shard.ts",
  ],
  // Both computations are written in modelStages.ts (so each stage's graph holds the other's code too).
  model: ["loaders/pipeline/modelStages.ts"],
  evaluate: ["loaders/pipeline/modelStages.ts"],
} as const satisfies Record<string, readonly string[]>;

export type CodeStage = keyof typeof StageEntries;
