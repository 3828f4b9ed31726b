import type {RungDiff} from "../../src/components/ablation/ablationArtifact.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {configHash} from "../hash.js";
import type {TrainOptions, TrainSchedule} from "../train/trainHead.js";

/**
 * The model rungs of the ablation ladder (issues #13, #22), each exactly one change from its parent rung, in the
 * order the ladder lists them, so that its last rung is the corrected protocol's model:
 *
 *   paper-to-corrected, from the paper as written to the corrected protocol's model (rungs 1, 2, 9, 10):
 *     1. paper-as-written: the paper's prose (sigmoid + binary cross-entropy, oversampling, `epochs` epochs over the
 *        oversampled set) trained as we train: the paper protocol's run;
 *     2. softmax-head: softmax + cross-entropy (the head's activation and its loss change together: one entry);
 *   matlab-reading, a branch from rung 2 (MATLAB's classification layer is softmax + cross-entropy), one
 *   trainNetwork R2018a default at a time:
 *     3. matlab-init: narrow-normal N(0, 0.01²) initialisation;
 *     4. matlab-l2: L2 regularisation 1e-4 on the weights;
 *     5. matlab-shuffle-once: the epoch's visits shuffled once;
 *     6. matlab-partial-batches: an epoch's last partial mini-batch dropped;
 *     7. paper-in-matlab: the reported iteration count (matlabSteps) instead of `epochs` epochs;
 *     8. cv-budget: the step budget chosen by k-fold cross-validation by patient inside the training centre;
 *   and on from rung 2:
 *     9. class-weights: class-weighted loss at natural prevalence instead of oversampling;
 *    10. prior-correction: the intercepts corrected back to the training prevalence: the corrected protocol's model,
 *        whose recipe hash equals the corrected run's (recipeHash).
 * Every rung keeps the paper's optimiser, learning rate, momentum, batch size and variants; its seed k uses
 * seeds.training + k and seeds.augmentation + k, so seed 0 of rung 4 is the corrected run itself.
 */
export const MatlabR2018a: Required<Omit<TrainSchedule, "steps">> = {
  l2: 1e-4,
  init: "narrowNormal",
  shuffle: "once",
  dropPartialBatch: true,
};

/**
 * The paper reports 1,401 iterations over 54 epochs: 25.9 a epoch, i.e. floor(n / 64) with n ≈ 1,660–1,727 — the
 * training centre's patch count before oversampling (MATLAB counts an epoch over the datastore's images and drops the
 * partial last batch). The same reading on this study: epochs × floor(n / batchSize) steps (at least one a epoch).
 */
export function matlabSteps(epochs: number, trainingPatches: number, batchSize: number): number {
  return epochs * Math.max(1, Math.floor(trainingPatches / batchSize));
}

export const RungIds = [
  "paper-as-written",
  "softmax-head",
  "matlab-init",
  "matlab-l2",
  "matlab-shuffle-once",
  "matlab-partial-batches",
  "paper-in-matlab",
  "cv-budget",
  "class-weights",
  "prior-correction",
] as const;
export type RungId = (typeof RungIds)[number];
export const Branches = ["paper-to-corrected", "matlab-reading"] as const;
export type Branch = (typeof Branches)[number];
/** The rung whose model is the corrected protocol's: the analysis rungs and the headline comparison use it. */
export const CorrectedRung: RungId = "prior-correction";

/**
 * What trains a rung's head: the configuration's model and augmentation sections, and the trainer's schedule with
 * every default spelled out (null steps = `model.epochs` epochs), so two recipes differ exactly where their training
 * does and a diff names the leaf.
 */
export interface Recipe {
  model: StudyConfig["model"];
  augmentation: StudyConfig["augmentation"];
  trainer: {
    steps: number | null;
    l2: number;
    init: "glorotUniform" | "narrowNormal";
    shuffle: "everyEpoch" | "once";
    dropPartialBatch: boolean;
  };
}

/** A protocol's recipe: its configuration trained with the trainer's defaults, as runModel trains it. */
export function recipeOf(config: StudyConfig): Recipe {
  return {
    model: config.model,
    augmentation: config.augmentation,
    trainer: {steps: null, l2: 0, init: "glorotUniform", shuffle: "everyEpoch", dropPartialBatch: false},
  };
}

/** The identity of a recipe (16 hex digits of its stable-JSON hash, as configHash). */
export const recipeHash = (recipe: Recipe): string => configHash(recipe);

/** Leaves that cannot change apart: a diff that changes any of them names all of them in one entry. */
const Coupled: ReadonlyArray<readonly string[]> = [["model.head", "model.loss"]];

function leaves(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
  return out;
}

/** The leaves where `to` differs from `from`, coupled leaves merged into one entry (path and values as arrays). */
export function recipeDiff(from: Recipe, to: Recipe): RungDiff[] {
  const a = leaves(from, "", new Map());
  const b = leaves(to, "", new Map());
  const changed = [...new Set([...a.keys(), ...b.keys()])].filter(
    (k) => JSON.stringify(a.get(k)) !== JSON.stringify(b.get(k)),
  );
  const diff: RungDiff[] = [];
  const done = new Set<string>();
  for (const path of changed) {
    if (done.has(path)) continue;
    const group = Coupled.find((g) => g.includes(path));
    if (group) {
      for (const p of group) done.add(p);
      diff.push({path: [...group], from: group.map((p) => a.get(p) ?? null), to: group.map((p) => b.get(p) ?? null)});
    } else {
      done.add(path);
      diff.push({path, from: a.get(path) ?? null, to: b.get(path) ?? null});
    }
  }
  return diff;
}

export interface RungPlan {
  id: RungId;
  branch: Branch;
  /** The rung this one changes one thing from (null for the first). */
  parent: RungId | null;
  change: string;
  recipe: Recipe;
  /** Training options of seed index k (0-based). */
  options(k: number): TrainOptions;
}

/** The settings the rungs table shows, in words. */
export function recipeSettings(recipe: Recipe): Record<string, string> {
  const {model, augmentation, trainer} = recipe;
  return {
    head: model.head === "sigmoid" ? "sigmoid + BCE" : "softmax + CE",
    balancing: augmentation.balancing === "oversample" ? "oversample" : "class weights",
    "prior correction": model.priorCorrection === "none" ? "none" : "training prevalence",
    budget: trainer.steps === null ? `${model.epochs} epochs` : `${trainer.steps} steps`,
    init: trainer.init === "narrowNormal" ? "narrow-normal N(0, 0.01²)" : "Glorot uniform",
    l2: String(trainer.l2),
    shuffle: trainer.shuffle === "once" ? "once" : "every epoch",
    "partial batch": trainer.dropPartialBatch ? "dropped" : "kept",
  };
}

/**
 * The ten rungs, in ladder order, for a study whose paper-protocol configuration is `paper` and corrected one `corrected`; `cvSteps`
 * is cv-budget's chosen budget (null before the search, which trains paper-in-matlab's recipe).
 */
export function ablationRungs(
  paper: StudyConfig,
  corrected: StudyConfig,
  trainingPatches: number,
  cvSteps: number | null,
): RungPlan[] {
  const steps = matlabSteps(paper.model.epochs, trainingPatches, paper.model.batchSize);
  const p1 = recipeOf(paper);
  const target = recipeOf(corrected);
  const withModel = (r: Recipe, m: Partial<StudyConfig["model"]>): Recipe => ({...r, model: {...r.model, ...m}});
  const withTrainer = (r: Recipe, t: Partial<Recipe["trainer"]>): Recipe => ({...r, trainer: {...r.trainer, ...t}});
  const p2 = withModel(p1, {head: target.model.head, loss: target.model.loss});
  const p3: Recipe = {...p2, augmentation: {...p2.augmentation, balancing: target.augmentation.balancing}};
  const p4 = withModel(p3, {priorCorrection: target.model.priorCorrection});
  const m1 = withTrainer(p2, {init: MatlabR2018a.init});
  const m2 = withTrainer(m1, {l2: MatlabR2018a.l2});
  const m3 = withTrainer(m2, {shuffle: MatlabR2018a.shuffle});
  const m4 = withTrainer(m3, {dropPartialBatch: MatlabR2018a.dropPartialBatch});
  const m5 = withTrainer(m4, {steps});
  const cv = withTrainer(m5, {steps: cvSteps ?? steps});
  const plan = (id: RungId, branch: Branch, parent: RungId | null, change: string, recipe: Recipe): RungPlan => ({
    id,
    branch,
    parent,
    change,
    recipe,
    options: (k) => trainOptions(recipe, paper, k),
  });
  return [
    plan(
      "paper-as-written",
      "paper-to-corrected",
      null,
      "the paper's prose: sigmoid + binary cross-entropy, oversampling, epochs over the oversampled set (the paper protocol's run)",
      p1,
    ),
    plan(
      "softmax-head",
      "paper-to-corrected",
      "paper-as-written",
      "softmax + cross-entropy instead of sigmoid + binary cross-entropy",
      p2,
    ),
    plan(
      "matlab-init",
      "matlab-reading",
      "softmax-head",
      "MATLAB R2018a's initialisation: narrow-normal N(0, 0.01²) instead of Glorot uniform",
      m1,
    ),
    plan("matlab-l2", "matlab-reading", "matlab-init", "MATLAB's L2 regularisation 1e-4 on the weights", m2),
    plan(
      "matlab-shuffle-once",
      "matlab-reading",
      "matlab-l2",
      "MATLAB's 'Shuffle','once': the visits shuffled once, walked in that order every epoch",
      m3,
    ),
    plan(
      "matlab-partial-batches",
      "matlab-reading",
      "matlab-shuffle-once",
      "MATLAB drops an epoch's last partial mini-batch",
      m4,
    ),
    plan(
      "paper-in-matlab",
      "matlab-reading",
      "matlab-partial-batches",
      `the reported iteration count: ${steps} steps (floor(patches / batch) an epoch) instead of ${paper.model.epochs} epochs over the oversampled set`,
      m5,
    ),
    plan(
      "cv-budget",
      "matlab-reading",
      "paper-in-matlab",
      "the step budget chosen by k-fold cross-validation by patient inside the training centre",
      cv,
    ),
    plan(
      "class-weights",
      "paper-to-corrected",
      "softmax-head",
      "class-weighted loss N/(K·n_c) at natural prevalence instead of oversampling",
      p3,
    ),
    plan(
      "prior-correction",
      "paper-to-corrected",
      "class-weights",
      "intercepts corrected back to the training prevalence: the corrected protocol's model",
      p4,
    ),
  ];
}

function trainOptions(recipe: Recipe, paper: StudyConfig, k: number): TrainOptions {
  const {trainer} = recipe;
  const schedule: TrainSchedule = {
    ...(trainer.steps === null ? {} : {steps: trainer.steps}),
    l2: trainer.l2,
    init: trainer.init,
    shuffle: trainer.shuffle,
    dropPartialBatch: trainer.dropPartialBatch,
  };
  return {
    model: recipe.model,
    augmentation: {balancing: recipe.augmentation.balancing, variants: recipe.augmentation.variants},
    seeds: {training: paper.seeds.training + k, augmentation: paper.seeds.augmentation + k},
    standardize: false,
    recordCurves: false,
    schedule,
  };
}
