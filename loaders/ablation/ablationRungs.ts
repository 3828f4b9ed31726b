import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {TrainOptions, TrainSchedule} from "../train/trainHead.js";

/**
 * The model rungs of issue #13's ladder, each changing one thing from the previous:
 *   1. paper-as-written: what the paper's prose says — sigmoid + binary cross-entropy, oversampling, `epochs`
 *      epochs over the oversampled set, trained as we train (Glorot init, no L2, reshuffled every epoch, partial
 *      batches kept);
 *   2. paper-in-matlab: what MATLAB R2018a would have run from the paper's layer names (fc4, fc4_softmax,
 *      classification layer = softmax + cross-entropy) and its reported iteration count, with trainNetwork's
 *      defaults (MatlabR2018a);
 *   3. class-weights: class-weighted loss at natural prevalence instead of oversampling;
 *   4. cv-budget: the number of steps chosen by cross-validation inside the training centre (chooseBudget.ts).
 * Every rung keeps the paper's optimiser, learning rate, momentum, batch size and variants, and its seed k uses
 * seeds.training + k and seeds.augmentation + k.
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

export const RungIds = ["paper-as-written", "paper-in-matlab", "class-weights", "cv-budget"] as const;
export type RungId = (typeof RungIds)[number];

export interface RungPlan {
  id: RungId;
  change: string;
  settings: Record<string, string>;
  /** Training options of seed index k (0-based). */
  options(k: number): TrainOptions;
}

/** The four rungs for a study whose paper-protocol configuration is `paper`; `cvSteps` is rung 4's chosen budget. */
export function ablationRungs(paper: StudyConfig, trainingPatches: number, cvSteps: number | null): RungPlan[] {
  const {model, augmentation, seeds} = paper;
  const base = (k: number, changes: Partial<TrainOptions> & Pick<TrainOptions, "model">): TrainOptions => ({
    augmentation: {balancing: augmentation.balancing, variants: augmentation.variants},
    seeds: {training: seeds.training + k, augmentation: seeds.augmentation + k},
    standardize: false,
    recordCurves: false,
    ...changes,
  });
  const sigmoid = {...model, head: "sigmoid", loss: "binaryCrossentropy"} as const;
  const softmax = {...model, head: "softmax", loss: "categoricalCrossentropy"} as const;
  const steps = matlabSteps(model.epochs, trainingPatches, model.batchSize);
  const matlab: TrainSchedule = {...MatlabR2018a, steps};
  const weighted = {balancing: "classWeights" as const, variants: augmentation.variants};
  const matlabSettings = {
    init: "narrow-normal N(0, 0.01²)",
    l2: String(MatlabR2018a.l2),
    shuffle: "once",
    "partial batch": "dropped",
  };
  const ours = {init: "Glorot uniform", l2: "0", shuffle: "every epoch", "partial batch": "kept"};
  return [
    {
      id: "paper-as-written",
      change: "the paper's prose: sigmoid + binary cross-entropy, oversampling, epochs over the oversampled set",
      settings: {head: "sigmoid + BCE", balancing: "oversample", budget: `${model.epochs} epochs`, ...ours},
      options: (k) => base(k, {model: sigmoid}),
    },
    {
      id: "paper-in-matlab",
      change: `as MATLAB R2018a would have run it: softmax + cross-entropy, ${steps} steps (the reported iterations per epoch), trainNetwork's defaults`,
      settings: {head: "softmax + CE", balancing: "oversample", budget: `${steps} steps`, ...matlabSettings},
      options: (k) => base(k, {model: softmax, schedule: matlab}),
    },
    {
      id: "class-weights",
      change: "class-weighted loss N/(K·n_c) at natural prevalence instead of oversampling",
      settings: {head: "softmax + CE", balancing: "class weights", budget: `${steps} steps`, ...matlabSettings},
      options: (k) => base(k, {model: softmax, augmentation: weighted, schedule: matlab}),
    },
    {
      id: "cv-budget",
      change: "the step budget chosen by k-fold cross-validation by patient inside the training centre",
      settings: {
        head: "softmax + CE",
        balancing: "class weights",
        budget: cvSteps === null ? "chosen by cross-validation" : `${cvSteps} steps (cross-validated)`,
        ...matlabSettings,
      },
      options: (k) =>
        base(k, {model: softmax, augmentation: weighted, schedule: {...MatlabR2018a, steps: cvSteps ?? steps}}),
    },
  ];
}
