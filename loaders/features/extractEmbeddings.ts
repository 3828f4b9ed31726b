import type {Variant} from "../../src/components/study/vocabulary.js";
import {type PatchSet, patchByteLength} from "../imaging/patchSet.js";
import {type EmbeddingCache, patchHash} from "./embeddingCache.js";
import {type EmbeddingEngine, EmbeddingSize} from "./engine.js";

/**
 * The frozen backbone, run once per patch and variant: returns, for each variant, an N × 2048 float32 matrix
 * (row i = set.records[i]). Cached embeddings are reused; the rest are computed in batches and cached as they arrive,
 * so an interrupted extraction resumes where it stopped.
 */
export interface ExtractOptions {
  /** Patches per engine call (the engine splits it across its threads). Default 32. */
  batchSize?: number;
}

export async function extractEmbeddings(
  set: PatchSet,
  variants: readonly Variant[],
  engine: EmbeddingEngine,
  cache: EmbeddingCache,
  log: (msg: string) => void,
  options: ExtractOptions = {},
): Promise<Map<Variant, Float32Array>> {
  const n = set.records.length;
  const bytes = patchByteLength(set.sizePx);
  if (set.pixels.length !== n * bytes) {
    throw new Error(
      `extractEmbeddings: cohort ${set.cohort}: expected ${n} patches × ${bytes} bytes = ${n * bytes}, got ${set.pixels.length} bytes`,
    );
  }
  const batchSize = options.batchSize ?? 32;
  const hashes = set.records.map((_, i) => patchHash(set.pixels.subarray(i * bytes, (i + 1) * bytes), set.sizePx));
  const result = new Map<Variant, Float32Array>();
  for (const variant of variants) {
    const matrix = new Float32Array(n * EmbeddingSize);
    const cached = await cache.getMany(engine.name, variant, hashes);
    const missing: number[] = [];
    cached.forEach((e, i) => {
      if (e) matrix.set(e, i * EmbeddingSize);
      else missing.push(i);
    });
    if (missing.length > 0) {
      log(
        `${set.cohort}/${variant}: ${n - missing.length} of ${n} embeddings cached; computing ${missing.length} with ${engine.name}`,
      );
      const started = Date.now();
      for (let b = 0; b < missing.length; b += batchSize) {
        const idx = missing.slice(b, b + batchSize);
        const pixels = new Uint8Array(idx.length * bytes);
        idx.forEach((i, k) => {
          pixels.set(set.pixels.subarray(i * bytes, (i + 1) * bytes), k * bytes);
        });
        const values = await engine.embed(pixels, idx.length, set.sizePx, variant);
        if (values.length !== idx.length * EmbeddingSize) {
          throw new Error(`${engine.name}: expected ${idx.length} × ${EmbeddingSize} values, got ${values.length}`);
        }
        for (let k = 0; k < idx.length; k++) {
          const row = values.slice(k * EmbeddingSize, (k + 1) * EmbeddingSize);
          for (let j = 0; j < EmbeddingSize; j++) {
            if (!Number.isFinite(row[j]!)) {
              const r = set.records[idx[k]!]!;
              throw new Error(
                `${engine.name}: non-finite embedding for patch ${r.patchId} of patient ${r.patientId} (${variant})`,
              );
            }
          }
          matrix.set(row, idx[k]! * EmbeddingSize);
          await cache.put(engine.name, variant, hashes[idx[k]!]!, row);
        }
        const done = Math.min(b + batchSize, missing.length);
        const rate = done / Math.max(1e-3, (Date.now() - started) / 1000);
        log(`${set.cohort}/${variant}: ${done}/${missing.length} embedded (${rate.toFixed(1)} patches/s)`);
      }
    }
    result.set(variant, matrix);
  }
  return result;
}
