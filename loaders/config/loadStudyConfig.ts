import {readFile} from "node:fs/promises";
import {dirname, isAbsolute, resolve} from "node:path";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {normalizeStudyConfig} from "./normalizeStudyConfig.js";
import {ConfigError} from "./validate.js";

/** The environment variable through which the site's data loaders find a study file (none = the demo study). */
export const StudyEnvVar = "WORKBENCH_STUDY";

export interface LoadedStudyConfig {
  config: StudyConfig;
  /** Absolute path of the study file, or null for the built-in defaults. */
  source: string | null;
  /** Absolute manifest path, or null for the built-in demo study. */
  manifestPath: string | null;
}

/** Reads and normalises a study JSON file; the manifest path is resolved relative to the study file. */
export async function loadStudyConfig(
  path: string | null | undefined,
  cwd = process.cwd(),
): Promise<LoadedStudyConfig> {
  if (!path) return {config: normalizeStudyConfig({}), source: null, manifestPath: null};
  const source = isAbsolute(path) ? path : resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(source, "utf8");
  } catch (error) {
    throw new ConfigError(`${source}: cannot read the study file (${(error as Error).message})`);
  }
  let spec: unknown;
  try {
    spec = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${source}: not valid JSON (${(error as Error).message})`);
  }
  try {
    const config = normalizeStudyConfig(spec);
    const manifestPath = config.study.manifest ? resolve(dirname(source), config.study.manifest) : null;
    return {config, source, manifestPath};
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${source}: ${error.message}`);
    throw error;
  }
}
