import {StudyEnvVar} from "../config/loadStudyConfig.js";
import {repoRoot} from "../paths.js";
import {type PipelineResult, runPipeline} from "../pipeline/runPipeline.js";
import type {PipelineEffects} from "../pipeline/stageTiming.js";
import {stderrProgress} from "../runtime/stderrProgress.js";
import {pseudonymSalt} from "./pseudonym.js";
import {publishIds} from "./publishIds.js";

/**
 * What every data loader calls: the pipeline for the configured study ($WORKBENCH_STUDY, or the demo study), with
 * logs and progress on stderr (stdout is the loader's artifact). The first loader computes; the rest hit the cache.
 * The result passes through publishIds, the one point where data leaves for the site: with `site.patientIds:
 * "pseudonymous"` (the default for a real study) every patient id becomes its salted pseudonym.
 */
export function sitePipeline(): Promise<PipelineResult> {
  // One pipeline per loader process: a loader that publishes several artifacts (tripod.json reads four) asks once.
  memo ??= publishedPipeline(process.env[StudyEnvVar] || null, process.env.WORKBENCH_CACHE || undefined);
  return memo;
}

let memo: Promise<PipelineResult> | undefined;

/** The pipeline of one study as the site publishes it; `workbench figures` draws from the same. */
export async function publishedPipeline(
  studyPath: string | null,
  cacheDir: string | undefined,
  effects: PipelineEffects = {log: (message) => process.stderr.write(`${message}\n`), progress: stderrProgress()},
): Promise<PipelineResult> {
  const result = await runPipeline({repo: repoRoot, studyPath, cacheDir}, effects);
  const salt = result.config.site.patientIds === "pseudonymous" ? await pseudonymSalt(repoRoot) : null;
  return publishIds(result, salt);
}
