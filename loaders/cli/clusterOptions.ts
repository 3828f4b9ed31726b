import {resolve} from "node:path";
import type {ParseArgsConfig} from "node:util";
import {repoRoot} from "../paths.js";
import {type PrepareOptions, prepareStudy, type StudyContext} from "../pipeline/prepareStudy.js";
import {defaultJobs} from "../runtime/workerPool.js";
import {outputOption} from "./outputOption.js";
import {positiveIntegerOption} from "./parseCommandArgs.js";

/**
 * The options every sharded command shares (prepare, preprocess --shard, merge, embed): the study, the shared cache
 * folder and the worker threads. One definition, so a Slurm or Kubernetes job line means the same in every stage.
 */
export const clusterOptions = {
  study: {type: "string"},
  cache: {type: "string"},
  jobs: {type: "string"},
} as const satisfies NonNullable<ParseArgsConfig["options"]>;

export const clusterUsage = `  --study <file>  study configuration (JSON); default: the built-in demo study
  --cache <dir>   shared artifact cache folder (default: .cache/artifacts in the repository)
  --jobs <n>      worker threads, one patient per task (default: the number of cores, here ${defaultJobs()})`;

/** --jobs: a positive integer, named in the message when it is not. */
export function jobsOption(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : positiveIntegerOption(raw, "--jobs");
}

export async function cacheOption(raw: string | undefined, cwd: string): Promise<string | undefined> {
  // The cache is written into, not replaced: any existing folder will do, but not a link or a file.
  return raw ? (await outputOption("--cache", raw, cwd, "directory", {writeInto: true})).path : undefined;
}

export async function studyContext(
  values: {study?: string; cache?: string; jobs?: string},
  cwd: string,
  effects: {log(message: string): void; progress?(stage: string, done: number, total: number): void},
): Promise<StudyContext> {
  const jobs = jobsOption(values.jobs);
  const options: PrepareOptions = {
    repo: repoRoot,
    studyPath: values.study ? resolve(cwd, values.study) : null,
    ...(jobs === undefined ? {} : {jobs}),
  };
  const cacheDir = await cacheOption(values.cache, cwd);
  return prepareStudy(cacheDir ? {...options, cacheDir} : options, effects);
}
