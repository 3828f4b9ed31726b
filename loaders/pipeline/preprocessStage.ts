import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {preprocessKey} from "../cache/stageKeys.js";
import {hashJson} from "../hash.js";
import {writePatchStore} from "../imaging/patchStore.js";
import {type PreprocessedStudy, patchCount} from "../imaging/preprocessedStudy.js";
import type {CutRequest} from "../imaging/preprocessManifestPatient.js";
import {preprocessStudies} from "../imaging/preprocessStudy.js";
import {sensitivityConfig, sharesMainPatches} from "./geometrySensitivity.js";
import type {StudyContext} from "./prepareStudy.js";
import type {PipelineEffects, Timed} from "./stageTiming.js";

/**
 * The preprocess stage (read, validate, resample, window, select slices, extract patches) of the main run and of
 * every other geometry of the sensitivity analysis. It lives on its own because of one optimisation: reading the
 * files dominates, so every geometry whose artifact is missing is cut in ONE pass (each patient read once). The main
 * run keeps the gallery's context crops and thumbnails; the sensitivity runs skip them and say so in their key. Each
 * is still stored under its own key exactly as if it had been computed alone (byte-identical), its timing being its
 * share of the pass.
 */
export type PreprocessStage = (
  stageConfig: StudyConfig,
  contexts: boolean,
) => Promise<{dir: string; key: string; value: Timed<number>; hit: boolean}>;

type OnePass = {studies: Array<PreprocessedStudy | undefined>; seconds: number[]};

/**
 * Plans the pass (which of the geometries are missing from the cache; checked now, before any is computed) and
 * returns the stage: called with a geometry's configuration, it returns that geometry's cache entry, starting the
 * shared pass on the first miss.
 */
export async function planPreprocess(
  ctx: StudyContext,
  effects: PipelineEffects,
  jobs: number | undefined,
): Promise<PreprocessStage> {
  const {cache, config, dataHash, stageCode, manifestPath} = ctx;
  const requests: CutRequest[] = [
    {config, options: {contexts: true}},
    ...config.sensitivity.geometries
      .filter((geometry) => !sharesMainPatches(config, geometry))
      .map((geometry) => ({config: sensitivityConfig(config, geometry).config, options: {contexts: false}})),
  ];
  const keyOf = (r: CutRequest) => preprocessKey(r.config, dataHash, stageCode, r.options.contexts !== false);
  const pending: CutRequest[] = [];
  for (const r of requests) {
    const id = hashJson(keyOf(r));
    if (pending.some((p) => hashJson(keyOf(p)) === id)) continue;
    if (!(await cache.peek("preprocess", keyOf(r)))) pending.push(r);
  }
  let pass: Promise<OnePass> | undefined;
  const cutStudies = (batch: readonly CutRequest[]) =>
    preprocessStudies(
      manifestPath,
      batch,
      {
        log: effects.log,
        progress: (done, total) => effects.progress?.("preprocess", done, total),
      },
      {jobs},
    ) as Promise<OnePass>;
  return (stageConfig, contexts) => {
    const request: CutRequest = {config: stageConfig, options: {contexts}};
    const id = hashJson(keyOf(request));
    return cache.get("preprocess", keyOf(request), async (dir) => {
      const found = pending.findIndex((p) => hashJson(keyOf(p)) === id);
      // Not foreseen (its artifact vanished after the check above): cut alone. Otherwise the pass serves every request.
      if (found >= 0) pass ??= cutStudies(pending);
      const cut = found < 0 || !pass ? await cutStudies([request]) : await pass;
      const index = Math.max(0, found);
      const study = cut.studies[index];
      if (!study) throw new Error(`preprocess: the one-pass study for request ${index} was already written`);
      cut.studies[index] = undefined; // written once; release its pixels
      await writePatchStore(dir, study, {thumbnails: contexts});
      return {seconds: cut.seconds[index]!, value: patchCount(study)};
    });
  };
}
