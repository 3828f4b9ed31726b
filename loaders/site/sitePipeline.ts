import {fileURLToPath} from "node:url";
import {StudyEnvVar} from "../config/loadStudyConfig.js";
import {stderrProgress} from "../pipeline/progressBar.js";
import {type PipelineResult, runPipeline} from "../pipeline/runPipeline.js";

/** The repository root, whatever the working directory of the data loader. */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/**
 * What every data loader calls: the pipeline for the configured study ($WORKBENCH_STUDY, or the demo study), with
 * logs and progress on stderr (stdout is the loader's artifact). The first loader computes; the rest hit the cache.
 */
export function sitePipeline(): Promise<PipelineResult> {
  return runPipeline(
    {repo: repoRoot, studyPath: process.env[StudyEnvVar] || null, cacheDir: process.env.WORKBENCH_CACHE || undefined},
    {log: (message) => process.stderr.write(`${message}\n`), progress: stderrProgress()},
  );
}
