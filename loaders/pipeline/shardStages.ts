import {Protocols, type Variant} from "../../src/components/study/vocabulary.js";
import {preprocessKey} from "../cache/stageKeys.js";
import {type Shard, shardRange} from "../cluster/shard.js";
import {readManifest} from "../cohort/manifest.js";
import {switchProtocol} from "../config/protocolDefaults.js";
import {backboneSpec} from "../features/backboneSpec.js";
import {createEngine} from "../features/createEngine.js";
import {createEmbeddingCache} from "../features/embeddingCache.js";
import {embeddingModelId} from "../features/embeddingModelId.js";
import {extractEmbeddings} from "../features/extractEmbeddings.js";
import {assembleStudy, patientOrder} from "../imaging/assembleStudy.js";
import {concatBytes} from "../imaging/concatBytes.js";
import {readOutcomeStore, writeOutcomeStore} from "../imaging/outcomeStore.js";
import type {PatchSet} from "../imaging/patchSet.js";
import {writePatchStore} from "../imaging/patchStore.js";
import {patchCount} from "../imaging/preprocessedStudy.js";
import type {PatientOutcome} from "../imaging/preprocessManifestPatient.js";
import {preprocessPatients} from "../imaging/preprocessPatients.js";
import {embeddingsBeside} from "../paths.js";
import type {StudyContext} from "./prepareStudy.js";

/**
 * The pipeline's heavy stages split into shards that can run anywhere the cache folder is shared (Slurm array tasks,
 * Kubernetes indexed jobs, or several terminals):
 *   preprocess shard i/n → its patients' outcomes, an artifact of its own ("preprocess-shard", keyed by the main
 *                          preprocess key plus i/n);
 *   merge                → the study assembled from all n outcome stores, stored under the very key the single-process
 *                          pipeline uses ("preprocess"), so `workbench run` afterwards finds it and carries on;
 *   embed shard i/n      → the backbone embeddings of shard i's patches, every variant either protocol trains on, in
 *                          the shared per-patch embedding cache the model stage reads.
 * Each shard is independent: a failed one is rerun alone, and a rerun of a finished one is a cache hit.
 */
export interface ShardEffects {
  log(message: string): void;
  progress?(stage: string, done: number, total: number): void;
}

const shardKey = (ctx: StudyContext, shard: Shard) => ({
  ...preprocessKey(ctx.config, ctx.dataHash, ctx.stageCode),
  shard: {index: shard.index, count: shard.count},
});

/** What a preprocess shard's artifact records (done.json). */
export interface ShardSummary {
  start: number;
  end: number;
  patients: number;
}

export async function preprocessShard(
  ctx: StudyContext,
  shard: Shard,
  effects: ShardEffects,
  jobs?: number,
): Promise<{dir: string; hit: boolean; summary: ShardSummary}> {
  const got = await ctx.cache.get("preprocess-shard", shardKey(ctx, shard), async (dir): Promise<ShardSummary> => {
    const manifest = await readManifest(ctx.manifestPath, ctx.config.clinical.columns);
    const order = patientOrder(manifest);
    const [start, end] = shardRange(shard, order.length);
    const label = `preprocess shard ${shard.index}/${shard.count}`;
    effects.log(`${label}: patients ${start}…${end - 1} of ${order.length}`);
    const outcomes = await preprocessPatients(order.slice(start, end), ctx.config, {
      ...(jobs === undefined ? {} : {jobs}),
      onOutcome: (outcome, _index, finished) => {
        for (const w of outcome.warnings) effects.log(`warning: ${w}`);
        if (!outcome.ok) effects.log(`excluded: ${outcome.exclusion.reason}`);
        effects.progress?.(label, finished, end - start);
      },
    });
    await writeOutcomeStore(dir, start, outcomes);
    return {start, end, patients: order.length};
  });
  return {dir: got.dir, hit: got.hit, summary: got.value};
}

/**
 * Assembles the preprocess artifact from `count` finished shards. Refuses, naming every missing shard and the command
 * that makes it, when any has not finished; never computes a shard itself (that is the shard's job).
 */
export async function mergePreprocess(
  ctx: StudyContext,
  count: number,
  effects: ShardEffects,
): Promise<{dir: string; key: string; hit: boolean}> {
  const got = await ctx.cache.get("preprocess", preprocessKey(ctx.config, ctx.dataHash, ctx.stageCode), async (dir) => {
    const start = performance.now();
    const found = await Promise.all(
      Array.from({length: count}, (_, index) =>
        ctx.cache.peek<ShardSummary>("preprocess-shard", shardKey(ctx, {index, count})),
      ),
    );
    const missing = found.flatMap((f, index) => (f ? [] : [index]));
    if (missing.length > 0) {
      throw new Error(
        `merge: ${missing.length} of ${count} preprocess shards have not finished: ${missing.join(", ")} ` +
          `(run workbench preprocess --shard ${missing[0]}/${count} with the same --study and --cache)`,
      );
    }
    const manifest = await readManifest(ctx.manifestPath, ctx.config.clinical.columns);
    const outcomes: PatientOutcome[] = [];
    for (const [index, f] of found.entries()) {
      const store = await readOutcomeStore(f!.dir);
      if (store.start !== outcomes.length) {
        throw new Error(`merge: shard ${index}/${count} starts at patient ${store.start}, expected ${outcomes.length}`);
      }
      outcomes.push(...store.outcomes);
    }
    const study = assembleStudy(manifest, outcomes, ctx.config);
    await writePatchStore(dir, study, {thumbnails: true});
    effects.log(`merge: ${count} shards, ${outcomes.length} patients`);
    // The same value the single-process stage stores (runPipeline reads its seconds).
    return {
      seconds: (performance.now() - start) / 1000,
      value: patchCount(study),
    };
  });
  return {dir: got.dir, key: got.key, hit: got.hit};
}

/** Variants each cohort is embedded under by either protocol: the training cohort's augmentation, identity elsewhere. */
export function variantsByCohort(
  ctx: Pick<StudyContext, "config">,
  cohorts: readonly string[],
): Map<string, Variant[]> {
  const out = new Map<string, Set<Variant>>(cohorts.map((c) => [c, new Set<Variant>(["identity"])]));
  for (const protocol of Protocols) {
    const config = switchProtocol(ctx.config, protocol);
    const set = out.get(config.cohorts.training);
    for (const v of config.augmentation.variants) set?.add(v);
  }
  return new Map([...out].map(([c, s]) => [c, [...s]]));
}

/** Embeds shard i's patches (computing its preprocess shard first when it is not in the cache yet). */
export async function embedShard(
  ctx: StudyContext,
  shard: Shard,
  effects: ShardEffects,
  options: {jobs?: number; threads?: number} = {},
): Promise<{patches: number}> {
  const prep = await preprocessShard(ctx, shard, effects, options.jobs);
  const {outcomes} = await readOutcomeStore(prep.dir);
  // One patch set per cohort, pixels concatenated once (not per patient: a shard may hold hundreds).
  const parts = new Map<string, {records: PatchSet["records"]; pixels: Uint8Array[]}>();
  for (const outcome of outcomes) {
    if (!outcome.ok) continue;
    const part = parts.get(outcome.cohort) ?? {records: [], pixels: []};
    part.records.push(...outcome.patches.records);
    part.pixels.push(...outcome.patches.pixels);
    parts.set(outcome.cohort, part);
  }
  const sets = new Map<string, PatchSet>(
    [...parts].map(([cohort, p]) => [
      cohort,
      {cohort, sizePx: ctx.config.patches.sizePx, records: p.records, pixels: concatBytes(p.pixels)},
    ]),
  );
  const backbone = backboneSpec(ctx.config, options.threads === undefined ? {} : {threads: options.threads});
  const engine = await createEngine(backbone, ctx.config.model.engine, {log: effects.log});
  try {
    const {modelId} = await embeddingModelId(engine, backbone);
    const cache = createEmbeddingCache(embeddingsBeside(ctx.cache.root), modelId);
    const variants = variantsByCohort(ctx, [...sets.keys()]);
    let patches = 0;
    for (const set of sets.values()) {
      await extractEmbeddings(set, variants.get(set.cohort) ?? ["identity"], engine, cache, effects.log);
      patches += set.records.length;
    }
    effects.log(`embed shard ${shard.index}/${shard.count}: ${patches} patches in the embedding cache`);
    return {patches};
  } finally {
    await engine.dispose();
  }
}
