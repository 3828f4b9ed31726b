import type {PredictionRow} from "../stats/evaluatePredictions.js";
import type {DeLongTest} from "../stats/pairedDelong.js";
import {pairedModelComparison} from "../stats/pairedModelComparison.js";
import {deriveSeed} from "../stats/random.js";
import {ResponseLabels} from "../study/vocabulary.js";
import type {PairedAuc, RungComparison} from "./ablationArtifact.js";
import {patientScores} from "./patientScores.js";
import {rungMetrics} from "./rungMetrics.js";
import {seedSpread} from "./seedSpread.js";

/**
 * One rung against its parent on the same patients of one cohort. The pairing across seeds: the paired comparisons
 * (DeLong ΔAUC for objective response and each class; ΔNB with a paired patient bootstrap) run on each patient's
 * seed-averaged probability, i.e. on the rung's ensemble, since a test needs one score per patient and model; and
 * seed by seed, seed k of one rung against seed k of the other (paired DeLong ΔAUC of objective response with its
 * interval), summarised by their mean, SD and range. Difference = this rung − its parent. Pure: Node and the browser.
 */
export const AblationPairing =
  "Paired comparisons use each patient's probability averaged over the rung's seeds (the ensemble: one score per patient and rung), and, seed by seed, seed k of one rung against seed k of its parent.";

export interface CompareOptions {
  thresholds: readonly number[];
  bootstrap: number;
  seed: number;
  ciLevel: number;
}

/** Both rungs' patient-level probabilities of one cohort, in the same patient order. */
function pairPatients(
  cohort: string,
  current: readonly PredictionRow[],
  previous: readonly PredictionRow[],
): {truth: number[]; pa: number[][]; pb: number[][]} {
  const a = patientScores(current, cohort);
  const b = patientScores(previous, cohort);
  const order = new Map(b.ids.map((id, i) => [id, i]));
  const truth: number[] = [];
  const pa: number[][] = [];
  const pb: number[][] = [];
  a.ids.forEach((id, i) => {
    const j = order.get(id);
    if (j === undefined) throw new RangeError(`compareRungs: patient ${id} of ${cohort} has no previous-rung score`);
    if (b.truth[j] !== a.truth[i]) throw new RangeError(`compareRungs: patient ${id} of ${cohort} changed label`);
    truth.push(a.truth[i] as number);
    pa.push(a.probabilities[i] as number[]);
    pb.push(b.probabilities[j] as number[]);
  });
  return {truth, pa, pb};
}

const paired = (t: DeLongTest | null): PairedAuc => {
  if (t === null) return {note: "not estimable (fewer than two cases or two controls)"};
  return {auc: t.auc1, previousAuc: t.auc2, deltaAuc: t.difference, ci: t.ci, p: t.p};
};

export function compareRungs(
  cohort: string,
  current: {averaged: readonly PredictionRow[]; perSeed: ReadonlyArray<readonly PredictionRow[]>},
  previous: {averaged: readonly PredictionRow[]; perSeed: ReadonlyArray<readonly PredictionRow[]>},
  options: CompareOptions,
): RungComparison {
  const {truth, pa, pb} = pairPatients(cohort, current.averaged, previous.averaged);
  // ΔNB is an estimate with its paired patient-bootstrap interval, not a test (Vickers et al. 2023).
  const compared = pairedModelComparison(truth, pa, pb, {
    ciLevel: options.ciLevel,
    classes: ResponseLabels.length,
    netBenefit:
      truth.length === 0
        ? null
        : {
            thresholds: options.thresholds,
            bootstrap: options.bootstrap,
            seed: deriveSeed(options.seed, `${cohort}/ablation-nb`),
          },
  });
  const or = paired(compared.objectiveResponse);
  const perClass: Record<string, PairedAuc> = {};
  ResponseLabels.forEach((label, c) => {
    perClass[label] = paired(compared.perClass[c] ?? null);
  });
  const seeds = Math.min(current.perSeed.length, previous.perSeed.length);
  const perSeedObjectiveResponse = Array.from({length: seeds}, (_, k) => {
    const pair = pairPatients(cohort, current.perSeed[k] as PredictionRow[], previous.perSeed[k] as PredictionRow[]);
    const test = pairedModelComparison(pair.truth, pair.pa, pair.pb, {
      ciLevel: options.ciLevel,
      classes: 0,
      netBenefit: null,
    });
    return paired(test.objectiveResponse);
  });
  const perSeed = Array.from({length: seeds}, (_, k) => {
    const x = rungMetrics(current.perSeed[k] as PredictionRow[], cohort).objectiveResponseAuc;
    const y = rungMetrics(previous.perSeed[k] as PredictionRow[], cohort).objectiveResponseAuc;
    return x === null || y === null ? null : x - y;
  });
  return {
    patients: truth.length,
    deltaAuc: "deltaAuc" in or ? or.deltaAuc : null,
    ci: "deltaAuc" in or ? or.ci : null,
    p: "deltaAuc" in or ? or.p : null,
    objectiveResponse: or,
    perClass,
    perSeedDeltaAuc: seedSpread(perSeed),
    perSeedObjectiveResponse,
    netBenefit: compared.netBenefit,
  };
}
