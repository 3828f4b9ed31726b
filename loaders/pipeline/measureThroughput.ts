import type {EmbeddingEngine} from "../features/engine.js";
import {type PatchSet, patchByteLength} from "../imaging/patchSet.js";

/**
 * Embeddings per second of an engine on this machine, measured on real patches of the study (one warm-up batch,
 * then one timed batch). Recorded with the run so the Protocol page can say what the paper's scale would cost.
 */
export async function measureThroughput(
  engine: EmbeddingEngine,
  sets: readonly PatchSet[],
  batch = 8,
): Promise<number | null> {
  const set = sets.find((s) => s.records.length > 0);
  if (!set) return null;
  const count = Math.min(batch, set.records.length);
  const pixels = set.pixels.subarray(0, count * patchByteLength(set.sizePx));
  await engine.embed(pixels, count, set.sizePx, "identity");
  const start = performance.now();
  await engine.embed(pixels, count, set.sizePx, "identity");
  return count / ((performance.now() - start) / 1000);
}
