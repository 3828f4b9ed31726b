import {mkdir, readFile} from "node:fs/promises";
import {basename, join} from "node:path";
import type {Variant} from "../../src/components/study/vocabulary.js";
import {sha256} from "../hash.js";
import {replaceFile} from "../output/writeNoFollow.js";
import {EmbeddingSize} from "./engine.js";

/**
 * Content-addressed on-disk cache of 2048-d embeddings: one 8 KiB little-endian float32 file per
 * (model id = weights hash + BN epsilon, engine, variant, patch hash), under
 *   <dir>/<model id 16>/<engine>/<variant>/<patch hash 2>/<patch hash>.f32
 * A file only appears complete (write to a temporary name, then rename), so an interrupted run never leaves a
 * half-written entry; a file of the wrong size reads as a miss. The hit path is a parallel read of small files.
 * The engine is part of the key because engines agree only to ~1e-4 (engine.ts): a run's embeddings must all come
 * from the engine its provenance names.
 */
export interface EmbeddingCache {
  readonly dir: string;
  readonly modelId: string;
  /** Embeddings for the patch hashes, in order; undefined where absent. */
  getMany(engine: string, variant: Variant, patchHashes: string[]): Promise<Array<Float32Array | undefined>>;
  put(engine: string, variant: Variant, patchHash: string, embedding: Float32Array): Promise<void>;
}

/** sha256 of a patch's size and pixels: identical pixels give the same key whatever the patient or file name. */
export function patchHash(pixels: Uint8Array, sizePx: number): string {
  return sha256(`${sizePx}:`, pixels);
}

const ReadConcurrency = 64;
const safe = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, "_");

export function createEmbeddingCache(dir: string, modelId: string): EmbeddingCache {
  if (!/^[0-9a-f]{16,}$/.test(modelId))
    throw new Error(`embedding cache: expected a hex model id, got ${JSON.stringify(modelId)}`);
  const root = join(dir, modelId.slice(0, 16));
  const folder = (engine: string, variant: Variant, hash: string) =>
    join(root, safe(engine), variant, hash.slice(0, 2));
  const file = (engine: string, variant: Variant, hash: string) => join(folder(engine, variant, hash), `${hash}.f32`);

  async function read(path: string): Promise<Float32Array | undefined> {
    try {
      const bytes = await readFile(path);
      if (bytes.length !== EmbeddingSize * 4) return undefined;
      const out = new Float32Array(EmbeddingSize);
      new Uint8Array(out.buffer).set(bytes);
      return out;
    } catch {
      return undefined;
    }
  }

  return {
    dir,
    modelId,
    async getMany(engine, variant, patchHashes) {
      const out = new Array<Float32Array | undefined>(patchHashes.length);
      let next = 0;
      const worker = async () => {
        while (next < patchHashes.length) {
          const i = next++;
          out[i] = await read(file(engine, variant, patchHashes[i]!));
        }
      };
      await Promise.all(Array.from({length: Math.min(ReadConcurrency, patchHashes.length)}, worker));
      return out;
    },
    async put(engine, variant, hash, embedding) {
      if (embedding.length !== EmbeddingSize) {
        throw new Error(`embedding cache: expected ${EmbeddingSize} values, got ${embedding.length}`);
      }
      const dir = folder(engine, variant, hash);
      await mkdir(dir, {recursive: true});
      // Temporary file + rename, refusing a planted link (loaders/output): concurrent shards never half-write one.
      const bytes = new Uint8Array(embedding.buffer, embedding.byteOffset, embedding.byteLength);
      await replaceFile(dir, basename(file(engine, variant, hash)), bytes);
    },
  };
}
