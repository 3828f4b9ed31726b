import {
  formatCiLevel,
  formatEstimate,
  formatFixed,
  formatP,
  formatPercent,
  type Interval,
} from "../format/formatStat.js";
import type {AucSummary} from "../stats/aucSummary.js";
import type {LevelEvaluation} from "../stats/evaluatePredictions.js";
import {type CellNote, naNote} from "./cellNote.js";
import {aucNotes} from "./estimateFlags.js";

type CohortLevels = {patch?: LevelEvaluation; patient: LevelEvaluation};

export interface HeadlineRow {
  metric: string;
  /** The paper's analysis of the paper-protocol model: patch level, naive patch bootstrap. */
  paper: string;
  /** The paper-protocol model under the corrected analysis: patient level, patient bootstrap. */
  paperModelCorrected: string;
  /** The corrected protocol's model and analysis. */
  corrected: string;
  why: string;
  /** Raw numbers behind the three columns (for CSV and tests). */
  values: [number | null, number | null, number | null];
  /** Flags and n/a reasons of the three columns' cells (interval rows only). */
  notes?: [CellNote[], CellNote[], CellNote[]];
}

const f3 = (v: number | null | undefined) => formatFixed(v, 3);
const pct = (v: number | null | undefined) => formatPercent(v, 1);
const withCi = (v: number | null, ci: Interval | null | undefined) => formatEstimate(v, ci, 3);
const naive = (s: AucSummary) => s.ciBootstrapNaive ?? s.ciBootstrap;
/** A calibration fit's n/a reason (its own note: one outcome class, or separation), or none. */
const fitNote = (l: LevelEvaluation): CellNote[] =>
  l.objectiveResponse.calibration.slope === null
    ? [naNote(l.objectiveResponse.calibration.note ?? "no patient in the cohort")]
    : [];
/** An AUC cell's notes; `n` and events count the level's rows (patches or patients), cases and controls. */
const flags = (s: AucSummary, ci: Interval | null | undefined): CellNote[] =>
  aucNotes({value: s.auc, ci, cases: s.nCases, controls: s.nControls, note: s.note});

/**
 * The headline numbers of one cohort side by side — as the paper analysed them (patch level, naive patch bootstrap),
 * the same model analysed per patient (or, in the patch-level interval row, with the patient-cluster bootstrap on the
 * same patches), and the corrected protocol — with a sentence per row on what changes and why.
 * `paper` and `corrected` are `evaluatePredictions(...).cohorts[cohort]` of each protocol. When the paper protocol
 * has no patch level (patient rows only) its patient level stands in for the first column. `ciLevel` is the level
 * the intervals were computed at (`metrics.options.ciLevel`), named in the interval rows' labels.
 */
export function headlineRows(paper: CohortLevels, corrected: CohortLevels, ciLevel: number): HeadlineRow[] {
  const ci = `${formatCiLevel(ciLevel)} CI`;
  const pp = paper.patch ?? paper.patient;
  const pq = paper.patient;
  const cq = corrected.patient;
  const cp = corrected.patch ?? corrected.patient;
  const or = (l: LevelEvaluation) => l.objectiveResponse;
  return [
    {
      metric: "Accuracy (4 classes)",
      paper: pct(pp.accuracy),
      paperModelCorrected: pct(pq.accuracy),
      corrected: pct(cq.accuracy),
      why: "Per patient, the three patches of a patient are averaged into one prediction instead of counting as three independent cases.",
      values: [pp.accuracy, pq.accuracy, cq.accuracy],
    },
    {
      metric: "Macro one-vs-rest AUC",
      paper: f3(pp.macroAuc),
      paperModelCorrected: f3(pq.macroAuc),
      corrected: f3(cq.macroAuc),
      why: "The mean of the four class AUCs; it moves with the unit of analysis and with the head (sigmoid vs softmax).",
      values: [pp.macroAuc, pq.macroAuc, cq.macroAuc],
    },
    // Like for like: the same patches of the same model, only the bootstrap changes (both intervals are in
    // metrics.json at patch level); the patient-level row below then changes the unit, not the resampling.
    {
      metric: `Objective response AUC, patch level (${ci}): naive → patient-cluster bootstrap`,
      paper: withCi(or(pp).auc, naive(or(pp))),
      paperModelCorrected: withCi(or(pp).auc, or(pp).ciBootstrap),
      corrected: withCi(or(cp).auc, or(cp).ciBootstrap),
      notes: [flags(or(pp), naive(or(pp))), flags(or(pp), or(pp).ciBootstrap), flags(or(cp), or(cp).ciBootstrap)],
      why: "Same model, same patches, first two columns: only the resampling differs. Resampling patches as if independent ignores that a patient's patches move together, so its interval is too narrow; resampling patients keeps them together.",
      values: [or(pp).auc, or(pp).auc, or(cp).auc],
    },
    {
      metric: `Objective response AUC, patient level (${ci})`,
      paper: withCi(or(pq).auc, or(pq).ciBootstrap),
      paperModelCorrected: withCi(or(pq).auc, or(pq).ciBootstrap),
      corrected: withCi(or(cq).auc, or(cq).ciBootstrap),
      notes: [flags(or(pq), or(pq).ciBootstrap), flags(or(pq), or(pq).ciBootstrap), flags(or(cq), or(cq).ciBootstrap)],
      why: "One averaged prediction per patient (the paper's Fig 5b is at this level too); at patient level the naive and the cluster bootstrap coincide.",
      values: [or(pq).auc, or(pq).auc, or(cq).auc],
    },
    {
      metric: "Mann–Whitney p (responders vs not)",
      paper: formatP(or(pp).mannWhitney?.p ?? null),
      paperModelCorrected: formatP(or(pq).mannWhitney?.p ?? null),
      corrected: formatP(or(cq).mannWhitney?.p ?? null),
      why: "A patch-level test counts each patient about three times and overstates the evidence; the patient-level test does not.",
      values: [or(pp).mannWhitney?.p ?? null, or(pq).mannWhitney?.p ?? null, or(cq).mannWhitney?.p ?? null],
    },
    {
      metric: "Calibration slope of P(CR)+P(PR)",
      paper: f3(or(pp).calibration.slope),
      paperModelCorrected: f3(or(pq).calibration.slope),
      corrected: f3(or(cq).calibration.slope),
      notes: [fitNote(pp), fitNote(pq), fitNote(cq)],
      why: "Independent sigmoids do not make P(CR)+P(PR) a probability; a softmax head does. Both protocols train as if the classes were equally frequent (oversampling, or weights N/(K·n_c)), which shifts the prior the same way: neither is expected to calibrate better, so the slopes are measured, not predicted.",
      values: [or(pp).calibration.slope, or(pq).calibration.slope, or(cq).calibration.slope],
    },
    {
      metric: "Brier score of P(CR)+P(PR)",
      paper: f3(or(pp).calibration.brier),
      paperModelCorrected: f3(or(pq).calibration.brier),
      corrected: f3(or(cq).calibration.brier),
      why: "Accuracy of the probabilities themselves (lower is better); decision curves rely on it.",
      values: [or(pp).calibration.brier, or(pq).calibration.brier, or(cq).calibration.brier],
    },
  ];
}
