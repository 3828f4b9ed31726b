import type {Variant} from "../../src/components/study/vocabulary.js";
import {createEmbeddingCache} from "../features/embeddingCache.js";
import type {EmbeddingEngine} from "../features/engine.js";
import {extractEmbeddings} from "../features/extractEmbeddings.js";
import type {PatchSet} from "../imaging/patchSet.js";

/**
 * A cohort's embeddings read from the model stage's embedding cache, never computed: the stages after the model stage
 * (clinical baseline, across centres, optimism, ablation) refit heads only, on the embeddings the model stage already paid for. The
 * engine here only names the cache entries (the engine and model id the run's provenance records); a missing entry is
 * an error saying so, prefixed with the stage that asked (`stage`), not a silent backbone run that would blow the
 * build budget.
 */
export function cacheOnlyEngine(name: string, stage: string): EmbeddingEngine {
  return {
    name,
    async embed(_pixels, count, _sizePx, variant) {
      throw new Error(
        `${stage}: ${count} ${variant} embeddings of engine ${name} are not in the embedding cache; the model stage computes them first`,
      );
    },
    async dispose() {},
  };
}

export async function cachedEmbeddings(
  set: PatchSet,
  variants: readonly Variant[],
  {cacheDir, modelId, engine}: {cacheDir: string; modelId: string; engine: string},
  stage: string,
): Promise<Map<Variant, Float32Array>> {
  return extractEmbeddings(
    set,
    variants,
    cacheOnlyEngine(engine, stage),
    createEmbeddingCache(cacheDir, modelId),
    () => {},
  );
}
