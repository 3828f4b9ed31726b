import {headProbabilities} from "../../models/head.js";
import type {AblationArtifact, ModelRung, RungCohortMetrics} from "../../src/components/ablation/ablationArtifact.js";
import {analysisRungs} from "../../src/components/ablation/analysisRungs.js";
import {AblationPairing, compareRungs} from "../../src/components/ablation/compareRungs.js";
import {rungMetrics} from "../../src/components/ablation/rungMetrics.js";
import {seedAverage} from "../../src/components/ablation/seedAverage.js";
import {seedSpread} from "../../src/components/ablation/seedSpread.js";
import {patchPredictions} from "../../src/components/predictions/patchPredictions.js";
import type {PredictionRow} from "../../src/components/stats/evaluatePredictions.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {PatchSet} from "../imaging/patchSet.js";
import {type LabelledEmbeddings, trainHead} from "../train/trainHead.js";
import {
  ablationRungs,
  CorrectedRung,
  matlabSteps,
  recipeDiff,
  recipeHash,
  recipeOf,
  recipeSettings,
} from "./ablationRungs.js";
import {chooseBudget} from "./chooseBudget.js";

/**
 * The ablation stage: every model rung (ablationRungs.ts) trained with `ablation.seeds` seeds on the model stage's
 * cached embeddings, each seed predicting every cohort; metrics per seed and cohort; each rung compared with its
 * parent on the external cohorts (compareRungs.ts); and the analysis rungs on the corrected rung's seed-averaged
 * predictions. Seed 1 of the corrected rung is checked against the corrected run's own predictions.
 * Returns ablation.json without its provenance, and each rung's seed-averaged patch predictions (the rows of
 * ablation-predictions.csv, which `workbench evaluate --paired` reads).
 */
export interface AblationInput {
  /** The study under the paper's protocol (switchProtocol applied). */
  config: StudyConfig;
  /** The same study under the corrected protocol: the ladder's paper-to-corrected branch ends at its recipe. */
  corrected: StudyConfig;
  /** The corrected run's own patch predictions, by patch id (null: not available to check against). */
  correctedPredictions: ReadonlyMap<string, readonly number[]> | null;
  training: string;
  validation: string[];
  cohorts: Record<string, PatchSet>;
  /** Per cohort: the training cohort with every configured variant, the others with "identity". */
  embedded: Map<string, LabelledEmbeddings>;
}

export interface AblationRun {
  artifact: Omit<AblationArtifact, "provenance">;
  predictions: Array<{rung: string; rows: PredictionRow[]}>;
}

export function runAblation(input: AblationInput, log: (message: string) => void): AblationRun {
  const {config, corrected, training, validation, cohorts, embedded} = input;
  const {ablation, evaluation} = config;
  const train = embedded.get(training);
  if (!train) throw new Error(`ablation: training cohort ${training} has no embeddings`);
  const names = [training, ...validation];
  const nTrain = train.labels.length;
  const baseSteps = matlabSteps(config.model.epochs, nTrain, config.model.batchSize);

  const started = Date.now();
  const searched = ablationRungs(config, corrected, nTrain, null).find((r) => r.id === "paper-in-matlab")!;
  const budget = chooseBudget(
    train,
    cohorts[training]!.records.map((r) => r.patientId),
    searched.options(0),
    {folds: ablation.folds, multipliers: ablation.budgetMultipliers, baseSteps},
  );
  log(
    `ablation: ${ablation.folds}-fold cross-validation in ${training} chose ${budget.chosenSteps} steps (of ${budget.candidates.map((c) => c.steps).join(", ")}) in ${Date.now() - started} ms`,
  );

  const seeds = Array.from({length: ablation.seeds}, (_, k) => k);
  const compareOptions = {
    thresholds: ablation.netBenefitThresholds,
    bootstrap: evaluation.bootstrapReplicates,
    seed: config.seeds.bootstrap,
    ciLevel: evaluation.ciLevel,
  };
  const rungs: ModelRung[] = [];
  const predictions: AblationRun["predictions"] = [];
  const trained = new Map<string, {averaged: PredictionRow[]; perSeed: PredictionRow[][]}>();
  const plans = ablationRungs(config, corrected, nTrain, budget.chosenSteps);
  for (const plan of plans) {
    const t0 = Date.now();
    const perSeed: PredictionRow[][] = [];
    const steps: number[] = [];
    for (const k of seeds) {
      const options = plan.options(k);
      const run = trainHead(train, [], options);
      steps.push(run.steps);
      perSeed.push(
        names.flatMap((name) => {
          const set = cohorts[name]!;
          const probs = headProbabilities(run.head, embedded.get(name)!.x.get("identity")!, set.records.length);
          const bad = probs.findIndex((p) => !Number.isFinite(p));
          if (bad >= 0) {
            const r = set.records[Math.floor(bad / 4)]!;
            throw new Error(
              `ablation ${plan.id}: non-finite probability for patch ${r.patchId} of patient ${r.patientId}`,
            );
          }
          return patchPredictions(set, probs);
        }),
      );
    }
    const averaged = seedAverage(perSeed);
    const cohortMetrics: Record<string, RungCohortMetrics> = {};
    for (const name of names) {
      const values = perSeed.map((rows) => rungMetrics(rows, name));
      cohortMetrics[name] = {
        inSample: name === training,
        patient: {
          objectiveResponseAuc: seedSpread(values.map((v) => v.objectiveResponseAuc)),
          accuracy: seedSpread(values.map((v) => v.accuracy)),
          macroAuc: seedSpread(values.map((v) => v.macroAuc)),
        },
      };
    }
    const parentPlan = plans.find((p) => p.id === plan.parent);
    const rung: ModelRung = {
      id: plan.id,
      branch: plan.branch,
      parent: plan.parent,
      change: plan.change,
      diff: parentPlan ? recipeDiff(parentPlan.recipe, plan.recipe) : [],
      recipeHash: recipeHash(plan.recipe),
      settings: recipeSettings(plan.recipe),
      seeds: seeds.map((k) => config.seeds.training + k),
      steps,
      cohorts: cohortMetrics,
    };
    const parent = plan.parent ? trained.get(plan.parent) : undefined;
    if (parent) {
      // Each comparison draws its ΔNB replicates from its own stream: the rung's position in the ladder.
      const seed = compareOptions.seed + rungs.length;
      rung.vsParent = Object.fromEntries(
        validation.map((name) => [name, compareRungs(name, {averaged, perSeed}, parent, {...compareOptions, seed})]),
      );
    }
    rungs.push(rung);
    predictions.push({rung: plan.id, rows: averaged});
    trained.set(plan.id, {averaged, perSeed});
    log(`ablation: ${plan.id}, ${seeds.length} seeds, ${steps.join("/")} steps in ${Date.now() - t0} ms`);
  }
  const final = trained.get(CorrectedRung)!;

  const analysis = analysisRungs(
    final.averaged.filter((r) => r.cohort !== training),
    validation,
    {bootstrap: evaluation.bootstrapReplicates, seed: config.seeds.bootstrap, ciLevel: evaluation.ciLevel},
  );
  return {
    artifact: {
      enabled: true,
      trainingCohort: training,
      externalCohorts: validation,
      options: {
        seeds: ablation.seeds,
        bootstrap: evaluation.bootstrapReplicates,
        ciLevel: evaluation.ciLevel,
        thresholds: ablation.netBenefitThresholds,
        pairing: AblationPairing,
      },
      budget,
      correctedRecipeHash: recipeHash(recipeOf(corrected)),
      reproducesCorrected: reproduces(final.perSeed[0]!, input.correctedPredictions),
      rungs,
      analysis,
    },
    predictions,
  };
}

/** Seed 1 of the corrected rung against the corrected run's own predictions: the largest probability difference. */
function reproduces(
  rows: readonly PredictionRow[],
  own: ReadonlyMap<string, readonly number[]> | null,
): AblationArtifact["reproducesCorrected"] {
  if (!own) return null;
  let max = 0;
  for (const row of rows) {
    const p = row.patchId === undefined ? undefined : own.get(row.patchId);
    if (!p)
      throw new Error(`ablation: patch ${row.patchId} of patient ${row.patientId} has no corrected-run prediction`);
    row.probabilities.forEach((v, c) => {
      max = Math.max(max, Math.abs(v - (p[c] as number)));
    });
  }
  return {patches: rows.length, maxAbsDifference: max};
}
