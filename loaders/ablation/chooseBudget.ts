import type {BudgetSearch} from "../../src/components/ablation/ablationArtifact.js";
import {deriveSeed} from "../../src/components/stats/random.js";
import {foldsByPatient} from "../refit/foldsByPatient.js";
import {selectRows} from "../refit/selectRows.js";
import {evaluateHead, type LabelledEmbeddings, type TrainOptions, trainHead} from "../train/trainHead.js";

/**
 * Rung 4's training budget, chosen inside the training centre only: k folds by patient (foldsByPatient, seeded from
 * the first seed); for each fold the head trains on the other folds with `options` up to the largest candidate
 * budget, and its held-out loss (unweighted cross-entropy on the unaugmented patches, a proper scoring rule at the
 * centre's own prevalence) is read at every candidate. The candidate with the lowest mean held-out loss wins (the
 * smaller budget on a tie). The external cohorts are never seen.
 */
export function chooseBudget(
  train: LabelledEmbeddings,
  patientIds: readonly string[],
  options: TrainOptions,
  {folds, multipliers, baseSteps}: {folds: number; multipliers: readonly number[]; baseSteps: number},
): BudgetSearch {
  const seed = options.seeds.training;
  const fold = foldsByPatient(patientIds, train.labels, folds, deriveSeed(seed, "ablation-folds"));
  // Multipliers that round to the same number of steps are one candidate (the first multiplier names it).
  const named = new Map<number, number>();
  for (const m of multipliers) {
    const steps = Math.max(1, Math.round(m * baseSteps));
    if (!named.has(steps)) named.set(steps, m);
  }
  const candidates = [...named.keys()];
  const last = Math.max(...candidates);
  const foldLoss = candidates.map(() => [] as number[]);
  for (let f = 0; f < folds; f++) {
    const inside: number[] = [];
    const held: number[] = [];
    for (let i = 0; i < fold.length; i++) (fold[i] === f ? held : inside).push(i);
    const fit = {name: `${train.name} fold ≠ ${f + 1}`, ...selectRows([{set: train, rows: inside}])};
    const out = {name: `${train.name} fold ${f + 1}`, ...selectRows([{set: train, rows: held}], ["identity"])};
    trainHead(fit, [], {
      ...options,
      schedule: {...options.schedule, steps: last},
      recordCurves: false,
      onStep: (step, head) => {
        const c = candidates.indexOf(step);
        if (c >= 0) foldLoss[c]!.push(evaluateHead(head, out).loss);
      },
    });
  }
  const rows = candidates.map((steps, c) => ({
    multiplier: named.get(steps) as number,
    steps,
    meanLoss: foldLoss[c]!.reduce((s, v) => s + v, 0) / folds,
    foldLoss: foldLoss[c]!,
  }));
  const best = rows.reduce((a, b) => (b.meanLoss < a.meanLoss ? b : a));
  return {
    folds,
    seed,
    candidates: rows,
    chosenSteps: best.steps,
    atLargest: best.steps === last && candidates.length > 1,
  };
}
