import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {modelIdOf} from "../../models/resnet50.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {labelIndex, type Variant} from "../../src/components/study/vocabulary.js";
import {cachedEmbeddings} from "../beyond/cachedEmbeddings.js";
import type {ArtifactCache} from "../cache/artifactCache.js";
import {codeVersion, StageEntries} from "../cache/codeVersion.js";
import type {PatchSet} from "../imaging/patchSet.js";
import {embeddingsBeside} from "../paths.js";
import type {ModelArtifact} from "../train/modelArtifact.js";
import type {LabelledEmbeddings} from "../train/trainHead.js";
import {type AblationRun, runAblation} from "./runAblation.js";

/**
 * The ablation stage through the artifact cache, keyed by the paper-protocol run it starts from (its id hashes
 * configuration, patches, weights and engine), the configuration (ablation, seeds, evaluation, model) and its code.
 * It trains heads only, on the embeddings that run's model stage cached: a missing embedding is an error, never a
 * backbone run. `ablation.enabled: false` skips it (null).
 */
export async function cachedAblation(
  cache: ArtifactCache,
  repo: string,
  input: {config: StudyConfig; cohorts: Record<string, PatchSet>; model: ModelArtifact; log(message: string): void},
): Promise<{run: AblationRun | null; seconds: number; cached: boolean}> {
  const {config, cohorts, model, log} = input;
  if (!config.ablation.enabled) return {run: null, seconds: 0, cached: false};
  const code = await codeVersion(repo, StageEntries.ablation);
  const key = {run: model.runId, config, code};
  const result = await cache.get("ablation", key, async (dir) => {
    const start = performance.now();
    const {trainingCohort: training, validationCohorts: validation} = model.provenance;
    const embedded = new Map<string, LabelledEmbeddings>();
    const cacheKey = {
      cacheDir: embeddingsBeside(cache.root),
      modelId: modelIdOf(model.provenance.weightsHash, model.provenance.batchNormEpsilon),
      engine: model.provenance.engine,
    };
    for (const name of [training, ...validation]) {
      const set = cohorts[name];
      if (!set) throw new Error(`ablation: cohort ${name} of run ${model.runId} is not in the study`);
      const variants: Variant[] = name === training ? [...config.augmentation.variants] : ["identity"];
      const x = await cachedEmbeddings(set, variants, cacheKey, "ablation");
      const labels = Int32Array.from(set.records, (r) =>
        labelIndex(r.label, `cohort ${set.cohort}, patient ${r.patientId}`),
      );
      embedded.set(name, {name, x, labels});
    }
    const run = runAblation({config, training, validation, cohorts, embedded}, log);
    await writeFile(join(dir, "ablation.json"), JSON.stringify(run));
    return (performance.now() - start) / 1000;
  });
  const run = JSON.parse(await readFile(join(result.dir, "ablation.json"), "utf8")) as AblationRun;
  return {run, seconds: result.value, cached: result.hit};
}
