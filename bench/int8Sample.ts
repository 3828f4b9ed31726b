// The patches the embeddings benchmark calibrates the int8 backbone on and compares it with FP32 on: the demo
// study's cached patch store (the newest complete .cache/artifacts/preprocess/<key>, as the pipeline wrote it) — its
// training cohort for calibration (calibrationSample, as the model stage does), the other cohorts for agreement (never
// seen by the calibration). Without a cached store both fall back to seeded random pixels, and the rows say so.
import {existsSync} from "node:fs";
import {readdir, stat} from "node:fs/promises";
import {join} from "node:path";
import {protocolDefaults} from "../loaders/config/protocolDefaults.js";
import {calibrationSample} from "../loaders/features/onnx/int8Backbone.js";
import type {PatchSet} from "../loaders/imaging/patchSet.js";
import {readPatchStore} from "../loaders/imaging/patchStore.js";
import {paths} from "../loaders/paths.js";
import {createRng} from "../src/components/stats/random.js";

export interface Int8Sample {
  source: string;
  training: PatchSet;
  /** Held-out patches (the other cohorts), 224 px, for the FP32/int8 agreement. */
  heldOut: {pixels: Uint8Array; count: number; sizePx: number};
}

async function newestStore(): Promise<string | undefined> {
  const root = join(paths.artifacts, "preprocess");
  const dirs = await readdir(root).catch(() => [] as string[]);
  const done = dirs.map((d) => join(root, d)).filter((d) => existsSync(join(d, "done.json")));
  const times = await Promise.all(done.map(async (d) => (await stat(d)).mtimeMs));
  return done.sort((a, b) => times[done.indexOf(b)]! - times[done.indexOf(a)]!)[0];
}

export async function int8Sample(maxHeldOut: number): Promise<Int8Sample> {
  const dir = await newestStore();
  if (dir) {
    const study = await readPatchStore(dir);
    const name = protocolDefaults("corrected").cohorts.training;
    const training = study.cohorts[name] ?? Object.values(study.cohorts)[0];
    const others = Object.values(study.cohorts).filter((s) => s !== training && s.sizePx === 224);
    if (training && others.length > 0) {
      const pool = {
        cohort: others.map((s) => s.cohort).join("+"),
        sizePx: 224,
        records: others.flatMap((s) => s.records),
        pixels: concat(others.map((s) => s.pixels)),
      };
      const held = calibrationSample(pool, maxHeldOut).sample;
      return {source: `demo patch store ${dir}`, training, heldOut: held};
    }
  }
  const rng = createRng(2020);
  const random = (n: number) => Uint8Array.from({length: n * 224 * 224 * 3}, () => rng.int(256));
  const training: PatchSet = {cohort: "random", sizePx: 224, records: [], pixels: random(16)};
  training.records = Array.from({length: 16}, (_, i) => ({patchId: `r${i}`}) as PatchSet["records"][number]);
  return {
    source: "seeded random pixels (no cached demo patch store)",
    training,
    heldOut: {pixels: random(maxHeldOut), count: maxHeldOut, sizePx: 224},
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
