import {modelIdOf} from "../../models/resnet50.js";
import {labelIndex, type Variant} from "../../src/components/study/vocabulary.js";
import type {PatchSet} from "../imaging/patchSet.js";
import type {ModelArtifact} from "../train/modelArtifact.js";
import type {LabelledEmbeddings} from "../train/trainHead.js";
import {cachedEmbeddings} from "./cachedEmbeddings.js";

/**
 * The cohorts of a run as labelled embeddings, read from the model stage's embedding cache (never the backbone): the
 * training cohort with `trainingVariants` (augmented embeddings exist for it alone), every other cohort with the
 * identity variant. What every head refit starts from (clinical baseline, across centres, ablation, optimism); `stage`
 * names the analysis in the error when an embedding is missing or a label is not a response class.
 */
export async function embedCohorts(
  model: ModelArtifact,
  cohorts: Readonly<Record<string, PatchSet>>,
  names: readonly string[],
  trainingVariants: readonly Variant[],
  embeddingsDir: string,
  stage: string,
): Promise<Map<string, LabelledEmbeddings>> {
  const {provenance} = model;
  const key = {
    cacheDir: embeddingsDir,
    // The run's own model id when it has one (an int8 engine's differs from the FP32 weights' id).
    modelId: provenance.modelId ?? modelIdOf(provenance.weightsHash, provenance.batchNormEpsilon),
    engine: provenance.engine,
  };
  const embedded = new Map<string, LabelledEmbeddings>();
  for (const name of names) {
    const set = cohorts[name];
    if (!set) throw new Error(`${stage}: cohort ${name} of run ${model.runId} is not in the study`);
    const variants: Variant[] = name === provenance.trainingCohort ? [...trainingVariants] : ["identity"];
    const x = await cachedEmbeddings(set, variants, key, stage);
    const labels = Int32Array.from(set.records, (r) =>
      labelIndex(r.label, `${stage}: cohort ${name}, patient ${r.patientId}`),
    );
    embedded.set(name, {name, x, labels});
  }
  return embedded;
}
