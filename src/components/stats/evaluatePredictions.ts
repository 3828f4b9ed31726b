import {type Aggregation, labelIndex, type ResponseLabel, ResponseLabels} from "../study/vocabulary.js";
import {aggregateByGroup} from "./aggregateByGroup.js";
import type {AucSummary} from "./aucSummary.js";
import {aucSummary} from "./aucSummary.js";
import {type BinaryMetrics, binaryMetrics} from "./binaryMetrics.js";
import {type Calibration, calibration} from "./calibration.js";
import {accuracy, balancedAccuracy, cohenKappa, confusionMatrix} from "./confusionMatrix.js";
import {type DecisionPoint, decisionCurve} from "./decisionCurve.js";
import {mannWhitney} from "./mannWhitney.js";
import {objectiveResponse} from "./objectiveResponse.js";
import {oneVsRest} from "./oneVsRest.js";
import {deriveSeed} from "./random.js";

/** One row of a predictions file: a patch (when `patchId` is set) or a patient. */
export interface PredictionRow {
  patientId: string;
  cohort: string;
  label: ResponseLabel;
  /** [P(CR), P(PR), P(SD), P(PD)]. */
  probabilities: readonly [number, number, number, number];
  patchId?: string;
}

export interface EvaluateOptions {
  /** Bootstrap replicates for every bootstrap interval (0 = none). */
  bootstrap: number;
  seed: number;
  ciLevel: number;
  /** Decision-curve thresholds (default 0.01…0.99 by 0.01; the pipeline passes evaluation.decisionCurve's grid). */
  thresholds?: readonly number[];
  /** Equal-width reliability bins of the calibration curve (evaluation.calibrationBins; default 10). */
  calibrationBins?: number;
  /** How a patient's probability vector is made from its patches' (evaluation.aggregation; default "mean"). */
  aggregation?: Aggregation;
}

export type Binary = AucSummary & {metrics: BinaryMetrics};

export interface ObjectiveResponse extends AucSummary {
  nResponders: number;
  nNonResponders: number;
  mannWhitney: {W: number; p: number; method: "exact" | "normal"; auc: number; note?: string} | null;
  decisionCurve: DecisionPoint[];
  calibration: Calibration;
}

export interface LevelEvaluation {
  /** Rows evaluated at this level (patches or patients). */
  n: number;
  nPatients: number;
  accuracy: number | null;
  balancedAccuracy: number | null;
  kappa: {unweighted: number | null; linear: number | null; quadratic: number | null};
  confusion: {labels: ResponseLabel[]; counts: number[][]};
  perClass: Record<ResponseLabel, Binary>;
  macroAuc: number | null;
  objectiveResponse: ObjectiveResponse;
}

export interface Evaluation {
  /** The options the numbers were computed with; a page recomputing live passes them back. */
  options: {
    bootstrap: number;
    seed: number;
    ciLevel: number;
    calibrationBins?: number;
    aggregation?: Aggregation;
    thresholds?: number[];
  };
  cohorts: Record<string, {patch?: LevelEvaluation; patient: LevelEvaluation}>;
}

/**
 * Every metric of the report for each cohort, at patch level (when rows carry a `patchId`) and at patient level
 * (a patient's probability vector = mean of its patches', or `options.aggregation`). Pure and isomorphic: the pages call it on the same rows
 * to recompute live. At patch level `ciBootstrap` is the patient-cluster bootstrap and `ciBootstrapNaive` the
 * paper's patch bootstrap. Bootstrap seeds are derived per cohort/level/metric from `seed`, so results do not
 * depend on cohort order. The result is JSON-serialisable (no Infinity, no NaN: undefined AUCs are null + note).
 * Throws RangeError on NaN probabilities, an unknown label, patches of one patient with different labels, or a
 * patient repeated without patch ids.
 */
export function evaluatePredictions(rows: readonly PredictionRow[], options: EvaluateOptions): Evaluation {
  const byCohort = new Map<string, PredictionRow[]>();
  for (const row of rows) {
    let list = byCohort.get(row.cohort);
    if (!list) {
      list = [];
      byCohort.set(row.cohort, list);
    }
    list.push(row);
  }
  const patchLevel = rows.some((r) => r.patchId !== undefined);
  const cohorts: Evaluation["cohorts"] = {};
  for (const cohort of [...byCohort.keys()].sort()) {
    const list = byCohort.get(cohort) as PredictionRow[];
    const patients = patientRows(list, patchLevel, options.aggregation);
    const seed = (label: string) => deriveSeed(options.seed, `${cohort}/${label}`);
    const entry: {patch?: LevelEvaluation; patient: LevelEvaluation} = {
      patient: evaluateLevel(patients, options, seed("patient"), false),
    };
    if (patchLevel) entry.patch = evaluateLevel(list, options, seed("patch"), true);
    cohorts[cohort] = patchLevel ? {patch: entry.patch as LevelEvaluation, patient: entry.patient} : entry;
  }
  const used: Evaluation["options"] = {bootstrap: options.bootstrap, seed: options.seed, ciLevel: options.ciLevel};
  if (options.calibrationBins !== undefined) used.calibrationBins = options.calibrationBins;
  if (options.aggregation !== undefined) used.aggregation = options.aggregation;
  if (options.thresholds !== undefined) used.thresholds = [...options.thresholds];
  return {options: used, cohorts};
}

function classIndex(row: PredictionRow, i: number): number {
  return labelIndex(row.label, `rows[${i}] (patient ${row.patientId})`);
}

/** Patient-level rows: patches aggregated per patient (first-seen order). Linear: one pass, Maps keyed by patient. */
function patientRows(
  list: readonly PredictionRow[],
  patchLevel: boolean,
  aggregation: Aggregation | undefined,
): PredictionRow[] {
  const groups = aggregateByGroup(
    list.map((r) => r.patientId),
    list.map((r) => r.probabilities),
    aggregation,
  );
  // The first row whose label differs from its patient's first label, found in the same single pass (a search per
  // patient made this quadratic: 20k patients took minutes).
  const firstLabel = new Map<string, PredictionRow["label"]>();
  const otherLabel = new Map<string, PredictionRow["label"]>();
  for (const r of list) {
    const label = firstLabel.get(r.patientId);
    if (label === undefined) firstLabel.set(r.patientId, r.label);
    else if (label !== r.label && !otherLabel.has(r.patientId)) otherLabel.set(r.patientId, r.label);
  }
  return groups.map((g) => {
    const first = list[g.first] as PredictionRow;
    if (!patchLevel && g.count > 1) {
      throw new RangeError(
        `patient ${g.key} appears ${g.count} times in cohort ${first.cohort} but rows have no patch id`,
      );
    }
    const other = otherLabel.get(g.key);
    if (other !== undefined) throw new RangeError(`patient ${g.key} has patches labelled ${first.label} and ${other}`);
    return {
      patientId: g.key,
      cohort: first.cohort,
      label: first.label,
      probabilities: g.mean as unknown as PredictionRow["probabilities"],
    };
  });
}

function evaluateLevel(
  rows: readonly PredictionRow[],
  options: EvaluateOptions,
  seed: number,
  isPatch: boolean,
): LevelEvaluation {
  const labels = [...ResponseLabels];
  const truth = Int32Array.from(rows, (r, i) => classIndex(r, i));
  const probabilities = rows.map((r) => r.probabilities);
  const clusters = isPatch ? rows.map((r) => r.patientId) : undefined;
  const cm = confusionMatrix(labels, truth, probabilities);
  const common = {bootstrap: options.bootstrap, ciLevel: options.ciLevel, seed, clusters};
  const ovr = oneVsRest(labels, truth, probabilities, common);
  const perClass = {} as Record<ResponseLabel, Binary>;
  labels.forEach((label, c) => {
    perClass[label] = {...(ovr.perClass[label] as AucSummary), metrics: binaryMetrics(cm, c, options.ciLevel)};
  });

  const {outcome, score} = objectiveResponse(truth, probabilities);
  const orSeed = deriveSeed(seed, "objective-response");
  const summary = aucSummary(outcome, score, {...common, seed: orSeed});
  const responders = score.filter((_, i) => outcome[i] === 1);
  const nonResponders = score.filter((_, i) => outcome[i] === 0);
  const dcaOptions = {
    bootstrap: options.bootstrap,
    seed: deriveSeed(seed, "decision-curve"),
    ciLevel: options.ciLevel,
    ...(options.thresholds ? {thresholds: options.thresholds} : {}),
    ...(clusters ? {clusters} : {}),
  };
  const objective: ObjectiveResponse = {
    ...summary,
    nResponders: responders.length,
    nNonResponders: nonResponders.length,
    mannWhitney: mannWhitney(responders, nonResponders),
    decisionCurve: decisionCurve(outcome, score, dcaOptions),
    calibration: calibration(
      outcome,
      score.map((s) => Math.min(1, Math.max(0, s))),
      options.calibrationBins === undefined ? {} : {bins: options.calibrationBins},
    ),
  };
  return {
    n: rows.length,
    nPatients: new Set(rows.map((r) => r.patientId)).size,
    accuracy: accuracy(cm),
    balancedAccuracy: balancedAccuracy(cm),
    kappa: {
      unweighted: cohenKappa(cm, "none"),
      linear: cohenKappa(cm, "linear"),
      quadratic: cohenKappa(cm, "quadratic"),
    },
    confusion: {labels, counts: cm.counts},
    perClass,
    macroAuc: ovr.macroAuc,
    objectiveResponse: objective,
  };
}
