import type {Column} from "./column.js";

/**
 * Where the paper contradicts itself or leaves MATLAB R2018a's defaults unstated, and the reading each rung of the
 * ablation ladder (data/ablation.json) takes: rung 1 is the paper as written, rung 2 the paper as MATLAB would have
 * run it, rungs 3 (class weights) and 4 (training budget by cross-validation inside the training centre) keep rung
 * 2's reading. Pure data for the Protocol page; the iteration arithmetic is computed from the paper's own numbers.
 */
export type PaperReading = {
  topic: string;
  /** What the paper's text says. */
  paper: string;
  /** What contradicts it: the paper's own layer list or numbers, or MATLAB R2018a's default. */
  against: string;
  /** Rung 1, the paper as written. */
  asWritten: string;
  /** Rungs 2–4, the paper as MATLAB ran it. */
  asRun: string;
};

/** The paper's reported training numbers (Peng et al. 2020, Methods). */
export const PaperTraining = {iterations: 1401, epochs: 54, batchSize: 64, trainingPatches: 1687} as const;

/** Iterations per epoch the paper's numbers imply, and the mini-batches its unbalanced patch count fills. */
export function iterationArithmetic(t: {[K in keyof typeof PaperTraining]: number} = PaperTraining): {
  perEpoch: number;
  fullBatches: number;
  patchesSeen: number;
} {
  const perEpoch = Math.round(t.iterations / t.epochs);
  return {perEpoch, fullBatches: Math.floor(t.trainingPatches / t.batchSize), patchesSeen: perEpoch * t.batchSize};
}

/**
 * The rungs' training budgets as this run's ladder used them (data/ablation.json's rung settings): paper-in-matlab
 * takes MATLAB's iteration count for this study's training patches (the paper's 1,401 at its 1,687), cv-budget the
 * budget chosen by cross-validation. Null when the ladder did not run.
 */
export interface LadderBudgets {
  matlabSteps: string | null;
  crossValidated: string | null;
}

export function ladderBudgets(
  ablation: {rungs: ReadonlyArray<{id: string; settings: Record<string, string>}>} | null,
): LadderBudgets | null {
  if (!ablation || ablation.rungs.length === 0) return null;
  const budget = (id: string) => ablation.rungs.find((r) => r.id === id)?.settings.budget ?? null;
  return {matlabSteps: budget("paper-in-matlab"), crossValidated: budget("cv-budget")};
}

export function paperReadings(budgets: LadderBudgets | null = null): PaperReading[] {
  const t = PaperTraining;
  const {perEpoch, fullBatches, patchesSeen} = iterationArithmetic(t);
  return [
    {
      topic: "Output layer and loss",
      paper: "a sigmoid output and binary cross-entropy (prose)",
      against:
        "its layer list names fc4, fc4_softmax and classification layer: MATLAB's softmax with cross-entropy over the four classes",
      asWritten: "four sigmoids, binary cross-entropy",
      asRun: "softmax, categorical cross-entropy",
    },
    {
      topic: "Training length",
      paper: `${t.epochs} epochs, ${t.iterations.toLocaleString("en-US")} iterations, mini-batch ${t.batchSize}`,
      against: `${t.iterations.toLocaleString("en-US")} / ${t.epochs} ≈ ${perEpoch} iterations per epoch ≈ ${patchesSeen.toLocaleString("en-US")} patches: the ${t.trainingPatches.toLocaleString("en-US")} unbalanced training patches (${fullBatches} full mini-batches), not the larger oversampled set`,
      asWritten: `${t.epochs} epochs over the oversampled set`,
      asRun: budgets
        ? `paper-in-matlab: ${budgets.matlabSteps ?? "n/a"}, the iterations MATLAB would run for this study's training patches (the paper's ${t.iterations.toLocaleString("en-US")} at its ${t.trainingPatches.toLocaleString("en-US")}); cv-budget: ${budgets.crossValidated ?? "n/a"}`
        : `MATLAB's iteration count for the study's training patches (the paper's ${t.iterations.toLocaleString("en-US")} at its ${t.trainingPatches.toLocaleString("en-US")}); cv-budget: a budget chosen by cross-validation`,
    },
    {
      topic: "L2 regularisation",
      paper: "not stated",
      against: "MATLAB R2018a trainingOptions: L2Regularization 1e-4",
      asWritten: "none",
      asRun: "1e-4 on the head's weights",
    },
    {
      topic: "Initialisation of the new layer",
      paper: "not stated",
      against: "MATLAB R2018a fullyConnectedLayer: weights from a narrow normal (mean 0, SD 0.01), biases 0",
      asWritten: "our default initialisation",
      asRun: "narrow normal (SD 0.01), biases 0",
    },
    {
      topic: "Last mini-batch of an epoch",
      paper: "not stated",
      against: "MATLAB R2018a trainNetwork discards a partial last mini-batch",
      asWritten: "kept",
      asRun: "dropped",
    },
    {
      topic: "Shuffling",
      paper: "not stated",
      against: "MATLAB R2018a trainingOptions: Shuffle 'once' (before the first epoch only)",
      asWritten: "every epoch",
      asRun: "once",
    },
    {
      topic: "BatchNorm while training",
      paper: "layers 1–174 frozen",
      against:
        "MATLAB R2018a trainNetwork normalises with mini-batch statistics even in frozen layers, then recomputes each BatchNorm's statistics on the training set after training",
      asWritten: "not reproduced: the backbone runs once, in inference mode with ImageNet statistics",
      asRun:
        "not reproduced either (the head trains on cached embeddings); a limitation of every rung, stated rather than modelled",
    },
  ];
}

export const paperReadingColumns: ReadonlyArray<Column<PaperReading>> = [
  {key: "topic", label: "Topic"},
  {key: "paper", label: "The paper says"},
  {key: "against", label: "Against it"},
  {key: "asWritten", label: "Rung 1: as written"},
  {key: "asRun", label: "Rungs 2–4: as MATLAB ran it"},
];
