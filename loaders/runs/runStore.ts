import {mkdir, readFile, rename, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {type Head, type HeadJson, headFromJson, headToJson} from "../../models/head.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {normalizeStudyConfig} from "../config/normalizeStudyConfig.js";

/**
 * A trained run on disk, models/runs/<id>/ (git-ignored), nanoGPT-style: everything needed to reproduce or reuse it.
 *   head.json        the head's weights, bias, standardisation (primary seed)
 *   config.json      the fully resolved StudyConfig
 *   curves.json      per-epoch loss/accuracy per seed and cohort
 *   provenance.json  engine, backend, weights/data/config hashes, seeds, versions, BN epsilon, notes
 *   predictions.csv  patch-level predictions for every cohort
 * Written to a staging folder and renamed, so a run folder is always complete.
 */
export interface StoredRun {
  runId: string;
  head: Head;
  config: StudyConfig;
  provenance: Record<string, unknown>;
}

export async function saveRun(
  runsDir: string,
  runId: string,
  parts: {head: Head; config: StudyConfig; curves: unknown; provenance: unknown; predictionsCsv: string},
): Promise<string> {
  const dir = join(runsDir, runId);
  const staging = `${dir}.partial-${process.pid}`;
  await rm(staging, {recursive: true, force: true});
  await mkdir(staging, {recursive: true});
  const json = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`;
  await writeFile(join(staging, "head.json"), JSON.stringify(headToJson(parts.head)));
  await writeFile(join(staging, "config.json"), json(parts.config));
  await writeFile(join(staging, "curves.json"), json(parts.curves));
  await writeFile(join(staging, "provenance.json"), json(parts.provenance));
  await writeFile(join(staging, "predictions.csv"), parts.predictionsCsv);
  await rm(dir, {recursive: true, force: true});
  await rename(staging, dir);
  return dir;
}

export async function loadRun(runsDir: string, runId: string): Promise<StoredRun> {
  if (!/^[0-9a-f]{6,64}$/.test(runId))
    throw new Error(`run id: expected a hex id (models/runs/<id>), got ${JSON.stringify(runId)}`);
  const dir = join(runsDir, runId);
  const read = async (name: string) => {
    try {
      return JSON.parse(await readFile(join(dir, name), "utf8")) as unknown;
    } catch (error) {
      throw new Error(`${join(dir, name)}: cannot read the run (${(error as Error).message})`);
    }
  };
  const head = headFromJson((await read("head.json")) as HeadJson, join(dir, "head.json"));
  const config = normalizeStudyConfig(await read("config.json"));
  const provenance = (await read("provenance.json")) as Record<string, unknown>;
  return {runId, head, config, provenance};
}
