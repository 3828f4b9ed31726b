import {readFileSync} from "node:fs";
import * as tf from "@tensorflow/tfjs";
import {effectiveWeights, type Head, headProbabilities} from "../../models/head.js";
import {modelIdOf} from "../../models/resnet50.js";
import {ResponseLabels, type StudyConfig, type Variant} from "../config/studyConfig.js";
import {createEmbeddingCache} from "../features/embeddingCache.js";
import type {EmbeddingEngine} from "../features/engine.js";
import {extractEmbeddings} from "../features/extractEmbeddings.js";
import {createTfjsEngine} from "../features/tfjsEngine.js";
import {configHash} from "../hash.js";
import {type PatchRecord, type PatchSet, patchByteLength} from "../imaging/patchSet.js";
import {defaultWeightsDir} from "../model/fetchWeights.js";
import {readModelFiles} from "../model/readModelFiles.js";
import {writePredictionsCsv} from "../../src/components/predictions/writePredictionsCsv.js";
import {type PredictionRow, patchPredictions} from "../predict/patchPredictions.js";
import {classActivationMap} from "./classActivationMap.js";
import {patchDataHash, runIdOf} from "./runIdentity.js";
import {saveRun} from "./runStore.js";
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
  galleryPatchIds?: (cohort: string, records: PatchRecord[], probabilities: Float64Array) => string[];
  /** Weights folder, used only when the engine lacks modelId or lastConv. Default models/weights/resnet50. */
  weightsDir?: string;
  /** Standardise the 2048 features on the training cohort before the head (default DefaultStandardizeFeatures). */
  standardizeFeatures?: boolean;
}

export interface ModelRun {
  runId: string;
  predictions: PredictionRow[];
  curves: CurvePoint[];
  provenance: {
    engine: string;
    backend: string;
    weightsHash: string;
    /** The patches the run saw (runIdentity.ts); the study's data hash is the pipeline's `dataHash`. */
    patchDataHash: string;
    /** configHash of the resolved configuration (loaders/hash.ts), as the Protocol page shows it. */
    configHash: string;
    seeds: number[];
    versions: Record<string, string>;
    bnEpsilon: number;
    headNote: string;
    standardized: boolean;
    trainingCohort: string;
    validationCohorts: string[];
  };
  cams: Array<{patchId: string; cohort: string; label: string; predicted: string; side: number; cam: number[]}>;
}

/**
 * Feature standardisation before the head: off by default. Measured on real ImageNet embeddings of synthetic CT-like
 * patches (48 training / 24 held-out, 2 variants): with the paper's SGD (lr 1e-4, momentum 0.9, batch 64) the head
 * learns on raw avg_pool features once it gets a few hundred steps (sigmoid: held-out accuracy 1.00 after 432 steps,
 * 0.33 after 54, i.e. when a cohort is smaller than one mini-batch per epoch); standardising made held-out loss worse
 * (0.92 vs 0.16), the familiar overfitting of a 2048-d linear probe on few samples. Kept as an option, recorded in
 * the run.
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

function labelIndex(set: PatchSet): Int32Array {
  return Int32Array.from(set.records, (r) => {
    const i = ResponseLabels.indexOf(r.label);
    if (i < 0)
      throw new Error(`cohort ${set.cohort}, patient ${r.patientId}: expected a label in CR|PR|SD|PD, got ${r.label}`);
    return i;
  });
}

/** Per cohort and true class: up to 3 correct and 3 misclassified patches, most confident first. */
export function defaultGallery(records: PatchRecord[], probabilities: Float64Array, perKind = 3): string[] {
  const predicted = records.map((_, i) => argmax(probabilities.subarray(i * 4, i * 4 + 4)));
  const ids: string[] = [];
  ResponseLabels.forEach((label, c) => {
    const members = records.map((r, i) => ({r, i})).filter(({r}) => r.label === label);
    const byConfidence = (a: {i: number}, b: {i: number}) =>
      probabilities[b.i * 4 + predicted[b.i]!]! - probabilities[a.i * 4 + predicted[a.i]!]! || a.i - b.i;
    const correct = members
      .filter(({i}) => predicted[i] === c)
      .sort(byConfidence)
      .slice(0, perKind);
    const wrong = members
      .filter(({i}) => predicted[i] !== c)
      .sort(byConfidence)
      .slice(0, perKind);
    for (const {r} of [...correct, ...wrong]) ids.push(r.patchId);
  });
  return ids;
}

function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  return best;
}

function headNote(config: StudyConfig, standardized: boolean): string {
  const m = config.model;
  const parts = [
    m.head === "sigmoid"
      ? "sigmoid head trained with binary cross-entropy on one-hot targets (the paper); the four sigmoid outputs are normalised to sum to 1 in the predictions table"
      : "softmax head trained with categorical cross-entropy; probabilities sum to 1",
    config.augmentation.balancing === "oversample"
      ? `classes balanced per epoch by oversampling to the largest class with random variants (${config.augmentation.variants.join(", ")})`
      : config.augmentation.balancing === "classWeights"
        ? `class-weighted loss (N / (K·n_c)) at natural prevalence, every variant (${config.augmentation.variants.join(", ")}) once per epoch`
        : `natural prevalence, every variant (${config.augmentation.variants.join(", ")}) once per epoch`,
    `${m.optimizer}${m.optimizer === "sgd" ? ` momentum ${m.momentum}` : ""}, learning rate ${m.learningRate}, mini-batch ${m.batchSize}, ${m.epochs} epochs`,
    standardized
      ? "2048 avg_pool features standardised (per-feature mean and sd of the training cohort, all training variants) before the head"
      : "raw avg_pool features",
    "backbone frozen through avg_pool (layers 1–174 of 177), run in inference mode once per patch and variant",
  ];
  return `${parts.join("; ")}.`;
}

export async function runModel(input: ModelRunInput, effects: {log(msg: string): void}): Promise<ModelRun> {
  const {config, engine, cohorts} = input;
  const log = effects.log;
  const training = config.cohorts.training;
  const trainSet = cohorts[training];
  if (!trainSet) {
    throw new Error(
      `cohorts.training: expected cohort "${training}" among [${Object.keys(cohorts).join(", ")}], got none`,
    );
  }
  const validation =
    config.cohorts.validation.length > 0
      ? config.cohorts.validation
      : Object.keys(cohorts).filter((c) => c !== training);
  for (const v of validation) {
    if (!cohorts[v])
      throw new Error(
        `cohorts.validation: expected cohort "${v}" among [${Object.keys(cohorts).join(", ")}], got none`,
      );
  }
  if (config.model.fineTune !== "none") {
    const backend = "backend" in engine ? String((engine as {backend: unknown}).backend) : engine.name;
    throw new Error(
      backend === "wasm"
        ? "model.fineTune res5: the wasm backend has no Conv2DBackpropFilter kernel, so convolutions cannot be trained; install @tensorflow/tfjs-node(-gpu) or keep model.fineTune = none"
        : "model.fineTune res5: fine-tuning is not implemented in this version; keep model.fineTune = none (the paper's protocol freezes the backbone)",
    );
  }
  if (config.model.frozenLayers !== 174) {
    throw new Error(
      `model.frozenLayers: expected 174 (the backbone is frozen through avg_pool and only the head is trained), got ${config.model.frozenLayers}`,
    );
  }
  const weightsDir = input.weightsDir ?? defaultWeightsDir;
  const eps = config.model.batchNormEpsilon;
  const engineHash = "weightsHash" in engine && typeof engine.weightsHash === "string" ? engine.weightsHash : undefined;
  // Engines that do not report their weights (e.g. ONNX) are assumed to run the weights folder's model.
  const weightsHash = engineHash ?? (await readModelFiles(weightsDir)).weightsHash;
  const modelId = engine.modelId ?? modelIdOf(weightsHash, eps);
  const cache = createEmbeddingCache(input.cacheDir, modelId);
  const backend = "backend" in engine ? String((engine as {backend: unknown}).backend) : engine.name;

  const names = [training, ...validation];
  const embedded = new Map<string, LabelledEmbeddings>();
  for (const name of names) {
    const set = cohorts[name]!;
    const variants: Variant[] = name === training ? config.augmentation.variants : ["identity"];
    const x = await extractEmbeddings(set, variants, engine, cache, log);
    embedded.set(name, {name, x, labels: labelIndex(set)});
  }

  const patches = patchDataHash(Object.fromEntries(names.map((n) => [n, cohorts[n]!])));
  const standardize = input.standardizeFeatures ?? DefaultStandardizeFeatures;
  const runId = runIdOf({config, patchDataHash: patches, modelId, engine: engine.name, standardize});
  const seeds = [
    config.seeds.training,
    ...Array.from({length: config.seeds.extraSeeds}, (_, k) => config.seeds.training + k + 1),
  ];

  let primary: Head | undefined;
  const curves: CurvePoint[] = [];
  for (const seed of seeds) {
    const started = Date.now();
    const result = trainHead(
      embedded.get(training)!,
      validation.map((v) => embedded.get(v)!),
      {
        kind: config.model.head,
        loss: config.model.loss,
        optimizer: config.model.optimizer,
        balancing: config.augmentation.balancing,
        variants: config.augmentation.variants,
        learningRate: config.model.learningRate,
        momentum: config.model.momentum,
        batchSize: config.model.batchSize,
        epochs: config.model.epochs,
        seed,
        augmentationSeed: config.seeds.augmentation,
        standardize,
      },
    );
    primary ??= result.head;
    curves.push(...result.curves);
    const last = result.curves.filter((c) => c.epoch === config.model.epochs && c.cohort === training)[0];
    log(
      `head (seed ${seed}): ${config.model.epochs} epochs in ${Date.now() - started} ms; training loss ${last?.loss.toFixed(4)}, accuracy ${last?.accuracy.toFixed(3)}`,
    );
  }
  const head = primary!;

  const predictions: PredictionRow[] = [];
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

  const cams = await galleryCams(input, names, probsByCohort, head, weightsDir, log);

  const provenance: ModelRun["provenance"] = {
    engine: engine.name,
    backend,
    weightsHash,
    patchDataHash: patches,
    configHash: configHash(config),
    seeds,
    versions: {workbench: packageVersion(), tfjs: tf.version_core, node: process.version},
    bnEpsilon: eps,
    headNote: headNote(config, standardize),
    standardized: standardize,
    trainingCohort: training,
    validationCohorts: validation,
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

async function galleryCams(
  input: ModelRunInput,
  names: string[],
  probsByCohort: Map<string, Float64Array>,
  head: Head,
  weightsDir: string,
  log: (msg: string) => void,
): Promise<ModelRun["cams"]> {
  const wanted = names.map((name) => {
    const set = input.cohorts[name]!;
    const probs = probsByCohort.get(name)!;
    const ids = new Set((input.galleryPatchIds ?? ((_, r, p) => defaultGallery(r, p)))(name, set.records, probs));
    return {name, set, probs, indices: set.records.flatMap((r, i) => (ids.has(r.patchId) ? [i] : []))};
  });
  const total = wanted.reduce((n, w) => n + w.indices.length, 0);
  if (total === 0) return [];
  let engine = input.engine;
  let owned = false;
  if (!engine.lastConv) {
    log(`engine ${engine.name} has no last-conv output; computing ${total} CAMs with the tfjs engine (one thread)`);
    engine = await createTfjsEngine({
      weightsDir,
      batchNormEpsilon: input.config.model.batchNormEpsilon,
      backend: input.config.model.backend,
      threads: 1,
      log,
    });
    owned = true;
  }
  const weights = effectiveWeights(head);
  const cams: ModelRun["cams"] = [];
  try {
    log(`class activation maps for ${total} gallery patches`);
    for (const {name, set, probs, indices} of wanted) {
      if (indices.length === 0) continue;
      const bytes = patchByteLength(set.sizePx);
      const pixels = new Uint8Array(indices.length * bytes);
      indices.forEach((i, k) => {
        pixels.set(set.pixels.subarray(i * bytes, (i + 1) * bytes), k * bytes);
      });
      const out = await engine.lastConv!(pixels, indices.length, set.sizePx, "identity");
      const per = out.height * out.width * out.channels;
      indices.forEach((i, k) => {
        const predicted = argmax(probs.subarray(i * 4, i * 4 + 4));
        const record = set.records[i]!;
        cams.push({
          patchId: record.patchId,
          cohort: name,
          label: record.label,
          predicted: ResponseLabels[predicted]!,
          side: out.height,
          cam: classActivationMap(
            out.activations.subarray(k * per, (k + 1) * per),
            out.height,
            out.width,
            out.channels,
            weights,
            4,
            predicted,
          ),
        });
      });
    }
  } finally {
    if (owned) await engine.dispose();
  }
  return cams;
}
