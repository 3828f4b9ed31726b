import {spawn} from "node:child_process";
import {randomBytes} from "node:crypto";
import {cp, rm} from "node:fs/promises";
import {join, sep} from "node:path";
import {ReadersEnvVar, SurvivalEnvVar} from "./outcomeVariables.js";
import {
  ClinicalEnvVar,
  type PatientIdPolicy,
  PatientIdsEnvVar,
  PredictionsEnvVar,
} from "./predictionsOnly/predictionsMode.js";

/**
 * Builds the report site from a predictions CSV into `outDir` with Observable Framework, as `npm run build` does but
 * isolated from it: the site's source (src/) is copied to a private folder beside it, `<repo>/.report-<random>`, so
 * its loader cache and output never meet the usual build's (src/.observablehq/cache, dist/) and two builds can run
 * at once. The folder sits directly in the repository, at src/'s depth, so the data loaders' `../../loaders/…`
 * imports resolve unchanged. Framework's npm and node-module caches are copied when present (they only hold bundles
 * of node_modules), which saves the seed and the module bundling most of their time.
 */
export interface ReportBuildOptions {
  repo: string;
  predictions: string;
  clinical: string | null;
  /** The readers' and survival files (issue #23), passed on as $WORKBENCH_READERS / $WORKBENCH_SURVIVAL, or null. */
  readers?: string | null;
  survival?: string | null;
  patientIds: PatientIdPolicy;
  /** Passed on as $WORKBENCH_STUDY (evaluation settings, name, declared clinical columns), or null. */
  study: string | null;
  outDir: string;
  log: (message: string) => void;
}

export async function buildReportSite(options: ReportBuildOptions): Promise<void> {
  await buildSiteCopy({
    repo: options.repo,
    outDir: options.outDir,
    log: options.log,
    env: {
      [PredictionsEnvVar]: options.predictions,
      [ClinicalEnvVar]: options.clinical ?? "",
      [ReadersEnvVar]: options.readers ?? "",
      [SurvivalEnvVar]: options.survival ?? "",
      [PatientIdsEnvVar]: options.patientIds,
      WORKBENCH_STUDY: options.study ?? "",
    },
  });
}

/**
 * The site built from a private copy of src/ into `outDir`, with `env` added to the loaders' environment (a study
 * file, a predictions file…): what `workbench report` runs, and what a test of another configuration's whole site
 * builds beside dist/ (test/e2e/ciLevel.e2e.ts). The artifact cache is the usual one, so only what the environment
 * changes is computed.
 */
export async function buildSiteCopy(options: {
  repo: string;
  outDir: string;
  env: NodeJS.ProcessEnv;
  log: (message: string) => void;
}): Promise<void> {
  const {repo} = options;
  const rootName = `.report-${randomBytes(6).toString("hex")}`;
  const root = join(repo, rootName);
  const src = join(repo, "src");
  const loaderCache = join(src, ".observablehq", "cache", "data") + sep;
  try {
    await cp(src, root, {
      recursive: true,
      // The usual build's loader outputs must never be served as this report's (Framework trusts file times only).
      filter: (from) => !`${from}${sep}`.startsWith(loaderCache) && !from.startsWith(join(src, "dist")),
    });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      WORKBENCH_SITE_ROOT: rootName,
      WORKBENCH_SITE_OUTPUT: options.outDir,
      OBSERVABLE_TELEMETRY_DISABLE: "1",
    };
    const node = process.execPath;
    await run(node, [join(repo, "scripts", "seed-npm-cache.mjs"), rootName], repo, env, options.log);
    const observable = join(repo, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");
    await run(node, [observable, "build"], repo, env, options.log);
    // A failed bare import still exits 0 in Framework: the same guard as `npm run build`.
    await run(node, [join(repo, "scripts", "check-dist-imports.mjs"), options.outDir], repo, env, options.log);
  } finally {
    await rm(root, {recursive: true, force: true});
  }
}

/** Runs a child process, its output passed to `log` line by line; a non-zero exit is an error naming the step. */
function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  log: (message: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd, env, stdio: ["ignore", "pipe", "pipe"]});
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) log(line);
    };
    child.stdout.on("data", forward);
    child.stderr.on("data", forward);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else
        reject(new Error(`report: ${args[0]?.split(sep).pop()} ${args.slice(1).join(" ")} exited with code ${code}`));
    });
  });
}
