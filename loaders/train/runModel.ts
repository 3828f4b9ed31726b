import {readFileSync} from "node:fs";
import * as tf from "@tensorflow/tfjs";
import {type Head, headProbabilities} from "../../models/head.js";
import {type PatchPredictionRow, patchPredictions} from "../../src/components/predictions/patchPredictions.js";
import {writePredictionsCsv} from "../../src/components/predictions/writePredictionsCsv.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {labelIndex, type Variant} from "../../src/components/study/vocabulary.js";
import {type BackboneSpec, backboneSpec} from "../features/backboneSpec.js";
import {createEmbeddingCache} from "../features/embeddingCache.js";
import {embeddingModelId} from "../features/embeddingModelId.js";
import {backendOf, type EmbeddingEngine} from "../features/engine.js";
import {extractEmbeddings} from "../features/extractEmbeddings.js";
import type {EmbeddingAgreement} from "../features/onnx/embeddingAgreement.js";
import type {OnnxEngine} from "../features/onnxEngine.js";
import {configHash} from "../hash.js";
import type {PatchSet} from "../imaging/patchSet.js";
import {saveRun} from "../runs/runStore.js";
import {checkModelStage} from "./checkModelStage.js";
import {type GalleryCam, type GalleryChooser, galleryCams} from "./galleryCams.js";
import {headNote} from "./headNote.js";
import {patchDataHash, runIdOf} from "./runIdentity.js";
import {type CurvePoint, type LabelledEmbeddings, trainHead} from "./trainHead.js";

/**
 * The model stage: frozen ResNet50 embeddings (cached) → head trained on the training cohort → patch predictions for
 * every cohort, training curves, class activation maps for a small gallery, and a run folder models/runs/<id>/.
 *
 * Protocols (config.model.head / loss / augmentation.balancing):
 * - paper: sigmoid + binary cross-entropy, classes balanced by oversampling with random dihedral variants; the
 *   sigmoid outputs are normalised to sum to 1 in the predictions (stated in provenance.headNote).
 * - corrected: softmax + categorical cross-entropy, class-weighted loss at natural prevalence, every variant used.
 * Features enter the head raw (the paper) unless `standardizeFeatures` is set (DefaultStandardizeFeatures says why).
 * Same config, data, weights and engine ⇒ the same run id and identical predictions.
 */
export interface ModelRunInput {
  cohorts: Record<string, PatchSet>;
  config: StudyConfig;
  engine: EmbeddingEngine;
  cacheDir: string;
  runsDir: string;
  /** Chooses the patches to compute CAMs for; default: per true class up to 3 correct + 3 misclassified. */
  galleryPatchIds?: GalleryChooser;
  /**
   * The backbone `engine` runs, as createEngine was given it (default: backboneSpec(config)). Its weights folder is
   * read only when the engine lacks weightsHash or lastConv; its BatchNorm epsilon goes into the model id.
   */
  backbone?: BackboneSpec;
  /** Standardise the 2048 features on the training cohort before the head (default DefaultStandardizeFeatures). */
  standardizeFeatures?: boolean;
}

export interface ModelRun {
  runId: string;
  predictions: PatchPredictionRow[];
  curves: CurvePoint[];
  provenance: {
    engine: string;
    backend: string;
    weightsHash: string;
    /**
     * The embedding cache's model id (embeddingModelId.ts): modelIdOf(weightsHash, epsilon), or the int8 graph's
     * own id. Optional for model artifacts written before it was recorded.
     */
    modelId?: string;
    /** The patches the run saw (runIdentity.ts); the study's data hash is the pipeline's `dataHash`. */
    patchDataHash: string;
    /** configHash of the resolved configuration (loaders/hash.ts), as the Protocol page shows it. */
    configHash: string;
    seeds: number[];
    versions: Record<string, string>;
    batchNormEpsilon: number;
    headNote: string;
    /** The intercept shift of the prior correction (priorCorrection.ts), per class; null when none was applied. */
    priorShift: number[] | null;
    standardized: boolean;
    /** An int8 engine's agreement with FP32 embeddings (absent for FP32 runs and runs saved before it was kept). */
    int8Agreement?: EmbeddingAgreement | null;
    trainingCohort: string;
    validationCohorts: string[];
  };
  cams: GalleryCam[];
}

/**
 * Feature standardisation before the head: off by default, because MATLAB's trainNetwork feeds the frozen backbone's
 * raw avg_pool activations to the new layer (the paper's protocol as run), not because of any accuracy: a choice once
 * judged partly on external cohorts no longer sets it (loaders/synth/README.md, "Model choices"). Kept as an option,
 * recorded in the run.
 */
export const DefaultStandardizeFeatures = false;

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {version: string})
      .version;
  } catch {
    return "unknown";
  }
}

function labelIndices(set: PatchSet): Int32Array {
  return Int32Array.from(set.records, (r) => labelIndex(r.label, `cohort ${set.cohort}, patient ${r.patientId}`));
}

export async function runModel(input: ModelRunInput, effects: {log(msg: string): void}): Promise<ModelRun> {
  const {config, engine, cohorts} = input;
  const log = effects.log;
  const {training, validation} = checkModelStage(config, cohorts, engine);
  const backbone = input.backbone ?? backboneSpec(config);
  if (backbone.batchNormEpsilon !== config.model.batchNormEpsilon) {
    throw new Error(
      `model.batchNormEpsilon: expected the engine's backbone to use ${config.model.batchNormEpsilon}, got ${backbone.batchNormEpsilon}`,
    );
  }
  const {weightsHash, modelId} = await embeddingModelId(engine, backbone);
  const cache = createEmbeddingCache(input.cacheDir, modelId);

  const names = [training, ...validation];
  const embedded = new Map<string, LabelledEmbeddings>();
  for (const name of names) {
    const set = cohorts[name]!;
    const variants: Variant[] = name === training ? config.augmentation.variants : ["identity"];
    const x = await extractEmbeddings(set, variants, engine, cache, log);
    embedded.set(name, {name, x, labels: labelIndices(set)});
  }

  const patches = patchDataHash(Object.fromEntries(names.map((n) => [n, cohorts[n]!])));
  const standardize = input.standardizeFeatures ?? DefaultStandardizeFeatures;
  const runId = runIdOf({config, patchDataHash: patches, modelId, engine: engine.name, standardize});
  const seeds = [
    config.seeds.training,
    ...Array.from({length: config.seeds.extraSeeds}, (_, k) => config.seeds.training + k + 1),
  ];

  let primary: Head | undefined;
  let shift: number[] | null = null;
  const curves: CurvePoint[] = [];
  for (const seed of seeds) {
    const started = Date.now();
    const result = trainHead(
      embedded.get(training)!,
      validation.map((v) => embedded.get(v)!),
      {model: config.model, augmentation: config.augmentation, seeds: {...config.seeds, training: seed}, standardize},
    );
    if (!primary) {
      primary = result.head;
      shift = result.priorShift;
    }
    curves.push(...result.curves);
    const last = result.curves.filter((c) => c.epoch === config.model.epochs && c.cohort === training)[0];
    log(
      `head (seed ${seed}): ${config.model.epochs} epochs in ${Date.now() - started} ms; training loss ${last?.loss.toFixed(4)}, accuracy ${last?.accuracy.toFixed(3)}`,
    );
  }
  const head = primary!;

  const predictions: PatchPredictionRow[] = [];
  const probsByCohort = new Map<string, Float64Array>();
  for (const name of names) {
    const set = cohorts[name]!;
    const probs = headProbabilities(head, embedded.get(name)!.x.get("identity")!, set.records.length);
    const bad = probs.findIndex((p) => !Number.isFinite(p));
    if (bad >= 0) {
      const r = set.records[Math.floor(bad / 4)]!;
      throw new Error(`head: non-finite probability for patch ${r.patchId} of patient ${r.patientId} (cohort ${name})`);
    }
    probsByCohort.set(name, probs);
    predictions.push(...patchPredictions(set, probs));
  }

  const cams = await galleryCams(
    {
      cohorts,
      names,
      probsByCohort,
      head,
      engine,
      backbone,
      ...(input.galleryPatchIds ? {choose: input.galleryPatchIds} : {}),
    },
    log,
  );

  const provenance: ModelRun["provenance"] = {
    engine: engine.name,
    backend: backendOf(engine),
    weightsHash,
    modelId,
    patchDataHash: patches,
    configHash: configHash(config),
    seeds,
    versions: {workbench: packageVersion(), tfjs: tf.version_core, node: process.version},
    batchNormEpsilon: backbone.batchNormEpsilon,
    headNote: headNote(config, standardize),
    priorShift: shift,
    standardized: standardize,
    trainingCohort: training,
    validationCohorts: validation,
    ...("int8Agreement" in engine ? {int8Agreement: (engine as OnnxEngine).int8Agreement ?? null} : {}),
  };
  const dir = await saveRun(input.runsDir, runId, {
    head,
    config,
    curves,
    provenance: {...provenance, modelId, runId},
    predictionsCsv: writePredictionsCsv(predictions),
  });
  log(`run ${runId} saved in ${dir}`);
  return {runId, predictions, curves, provenance, cams};
}
