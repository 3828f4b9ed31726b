import {headProbabilities} from "../../models/head.js";
import {type PatchPredictionRow, patchPredictions} from "../../src/components/predictions/patchPredictions.js";
import {createEmbeddingCache} from "../features/embeddingCache.js";
import type {EmbeddingEngine} from "../features/engine.js";
import {extractEmbeddings} from "../features/extractEmbeddings.js";
import type {PatchSet} from "../imaging/patchSet.js";
import type {StoredRun} from "../runs/runStore.js";

/**
 * Applies a saved run's head to new patches: embeddings (identity variant, cached) from an engine running the SAME
 * weights as the run (checked by model id), then the head's probabilities (sigmoid outputs normalised to sum to 1).
 */
export async function predictWithRun(
  run: StoredRun,
  cohorts: Record<string, PatchSet>,
  engine: EmbeddingEngine,
  cacheDir: string,
  log: (msg: string) => void,
): Promise<PatchPredictionRow[]> {
  const runModelId = run.provenance.modelId;
  if (typeof runModelId === "string" && engine.modelId !== undefined && engine.modelId !== runModelId) {
    throw new Error(
      `run ${run.runId}: trained on backbone ${runModelId.slice(0, 16)}…, but the engine runs ${engine.modelId.slice(0, 16)}… (other weights or BatchNorm epsilon); install the run's weights first`,
    );
  }
  const runEngine = run.provenance.engine;
  if (typeof runEngine === "string" && runEngine !== engine.name) {
    log(
      `note: run ${run.runId} was trained on ${runEngine} embeddings; predicting with ${engine.name} (engines agree to ~1e-4)`,
    );
  }
  const cache = createEmbeddingCache(cacheDir, engine.modelId ?? String(runModelId));
  const rows: PatchPredictionRow[] = [];
  for (const [name, set] of Object.entries(cohorts)) {
    const x = (await extractEmbeddings(set, ["identity"], engine, cache, log)).get("identity")!;
    rows.push(...patchPredictions({...set, cohort: name}, headProbabilities(run.head, x, set.records.length)));
  }
  return rows;
}
