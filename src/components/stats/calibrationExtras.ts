import {calibration} from "./calibration.js";
import {type CalibrationBootstrap, calibrationBootstrap} from "./calibrationBootstrap.js";
import {loess} from "./loess.js";
import {expit} from "./logitScale.js";
import {fitMultinomial} from "./multinomialLogistic.js";
import {type NominalCalibration, nominalCalibration} from "./nominalCalibration.js";
import {objectiveResponse} from "./objectiveResponse.js";
import type {PatientPrediction} from "./patientPrediction.js";
import {quantileSorted} from "./quantile.js";
import {createRng, deriveSeed} from "./random.js";

/**
 * Calibration that can be acted on, per external cohort at patient level (P(CR) + P(PR) against objective
 * response): bootstrap intervals for the calibration intercept and slope, a loess curve (span 0.75, degree 2) with a
 * percentile band from resampling patients, the per-class one-vs-rest calibration intercept and slope of the four
 * class probabilities, the four probabilities' nominal calibration jointly (Van Hoorde et al. 2014,
 * nominalCalibration.ts; reference class `nominalReference`), and logistic recalibration logit p' = a + b·logit p
 * fitted on one external cohort and applied to another.
 */
export interface LoessPoint {
  p: number;
  observed: number;
  lo: number | null;
  hi: number | null;
}

/**
 * The bootstrap loess fits behind a band: how many were drawn, how many gave a curve on the whole grid (the band's
 * quantiles are over these), and how many failed (too few distinct predictions in a resample for a local fit) and
 * are left out. used + failed = replicates.
 */
export interface LoessBandFits {
  replicates: number;
  used: number;
  failed: number;
}

export interface CohortCalibration {
  cohort: string;
  patients: number;
  intercept: number | null;
  slope: number | null;
  brier: number | null;
  bootstrap: CalibrationBootstrap;
  loess: LoessPoint[];
  /** Absent when there is no curve (then `loessNote` says why). */
  loessFits?: LoessBandFits;
  loessNote?: string;
  perClass: Array<{label: number; intercept: number | null; slope: number | null; brier: number | null}>;
  /** Absent when the multinomial recalibration cannot be fitted (then `nominalNote` says why). */
  nominal?: NominalCalibration;
  nominalNote?: string;
}

export interface Recalibration {
  fittedOn: string;
  appliedTo: string;
  a: number;
  b: number;
  before: {intercept: number | null; slope: number | null; brier: number | null};
  after: {intercept: number | null; slope: number | null; brier: number | null};
}

export interface CalibrationExtras {
  cohorts: CohortCalibration[];
  recalibration: Recalibration[];
  loessSpan: number;
}

const LoessSpan = 0.75;
/**
 * The nominal calibration's reference class: SD (stable disease, index 2), so each equation reads "this response
 * rather than no change"; the overall likelihood-ratio test does not depend on the choice.
 */
export const NominalReference = 2;
const GridPoints = 40;
/** Replicates of the loess band (each a full loess fit on the grid). */
const LoessReplicates = 200;

const logit = (p: number) => {
  const c = Math.min(1 - 1e-12, Math.max(1e-12, p));
  return Math.log(c / (1 - c));
};

function loessCurve(
  outcome: Uint8Array,
  score: Float64Array,
  seed: number,
  ciLevel: number,
): {points: LoessPoint[]; fits: LoessBandFits} {
  const n = score.length;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of score) {
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  }
  const grid = Array.from({length: GridPoints}, (_, i) => lo + ((hi - lo) * i) / (GridPoints - 1));
  const fitted = loess(score, outcome, {span: LoessSpan}).predict(grid);
  const rng = createRng(seed);
  const replicates: number[][] = grid.map(() => []);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let used = 0;
  for (let r = 0; r < LoessReplicates; r++) {
    for (let i = 0; i < n; i++) {
      const j = rng.int(n);
      xs[i] = score[j] as number;
      ys[i] = outcome[j] as number;
    }
    let values: number[];
    try {
      values = loess(xs, ys, {span: LoessSpan}).predict(grid);
    } catch {
      // A replicate with too few distinct predictions for a local fit adds nothing to the band; it is counted as
      // failed, so the caption says on how many fits the band rests.
      continue;
    }
    // A fit is used whole or not at all, so every grid point's band rests on the same fits and the count holds.
    if (!values.every(Number.isFinite)) continue;
    used++;
    values.forEach((v, k) => {
      // The band is on the probability scale: a local quadratic can overshoot [0, 1] where points are sparse.
      (replicates[k] as number[]).push(Math.min(1, Math.max(0, v)));
    });
  }
  const a = (1 - ciLevel) / 2;
  const points = grid.map((p, k) => {
    const sorted = Float64Array.from(replicates[k] as number[]).sort();
    return {
      p,
      observed: Math.min(1, Math.max(0, fitted[k] as number)),
      lo: sorted.length ? (quantileSorted(sorted, a) ?? null) : null,
      hi: sorted.length ? (quantileSorted(sorted, 1 - a) ?? null) : null,
    };
  });
  return {points, fits: {replicates: LoessReplicates, used, failed: LoessReplicates - used}};
}

function recalibrate(from: {outcome: Uint8Array; score: Float64Array}): {a: number; b: number} | null {
  try {
    const fit = fitMultinomial(
      Array.from(from.score, (p) => [logit(p)]),
      from.outcome,
      2,
    );
    const [a, b] = fit.coefficients[0] ?? [];
    return fit.converged && a !== undefined && b !== undefined ? {a, b} : null;
  } catch {
    return null;
  }
}

export function calibrationExtras(
  cohorts: ReadonlyArray<{cohort: string; patients: readonly PatientPrediction[]}>,
  {
    classes,
    replicates,
    seed,
    ciLevel,
    bins,
    responderClasses = [0, 1],
    nominalReference = NominalReference,
  }: {
    classes: number;
    replicates: number;
    seed: number;
    ciLevel: number;
    bins: number;
    responderClasses?: number[];
    nominalReference?: number;
  },
): CalibrationExtras {
  const scored = cohorts.map((c) => ({
    cohort: c.cohort,
    patients: c.patients,
    ...objectiveResponse(
      c.patients.map((p) => p.label),
      c.patients.map((p) => p.probabilities),
      responderClasses,
    ),
  }));
  const out: CohortCalibration[] = scored.map((c) => {
    const point = calibration(c.outcome, c.score, {bins});
    let curve: LoessPoint[] = [];
    let loessFits: LoessBandFits | undefined;
    let loessNote: string | undefined;
    try {
      const fitted = loessCurve(c.outcome, c.score, deriveSeed(seed, `loess-${c.cohort}`), ciLevel);
      curve = fitted.points;
      loessFits = fitted.fits;
    } catch (error) {
      loessNote = `no loess curve: ${(error as Error).message}`;
    }
    const perClass = Array.from({length: classes}, (_, k) => {
      const cal = calibration(
        c.patients.map((p) => (p.label === k ? 1 : 0)),
        c.patients.map((p) => Math.min(1, Math.max(0, p.probabilities[k] as number))),
        {bins},
      );
      return {label: k, intercept: cal.intercept, slope: cal.slope, brier: cal.brier};
    });
    let nominal: NominalCalibration | undefined;
    let nominalNote: string | undefined;
    const missing = Array.from({length: classes}, (_, k) => k).filter((k) => !c.patients.some((p) => p.label === k));
    if (missing.length > 0) nominalNote = `no patient with class ${missing.join(", ")} in this cohort`;
    else {
      try {
        nominal = nominalCalibration(
          c.patients.map((p) => p.label),
          c.patients.map((p) => p.probabilities),
          {reference: nominalReference, ciLevel},
        );
      } catch (error) {
        nominalNote = `the multinomial recalibration cannot be fitted: ${(error as Error).message}`;
      }
    }
    return {
      cohort: c.cohort,
      patients: c.patients.length,
      intercept: point.intercept,
      slope: point.slope,
      brier: point.brier,
      bootstrap: calibrationBootstrap(c.outcome, c.score, {
        replicates,
        seed: deriveSeed(seed, `calibration-${c.cohort}`),
        ciLevel,
      }),
      loess: curve,
      ...(loessFits ? {loessFits} : {}),
      ...(loessNote ? {loessNote} : {}),
      perClass,
      ...(nominal ? {nominal} : {}),
      ...(nominalNote ? {nominalNote} : {}),
    };
  });
  const recalibration: Recalibration[] = [];
  for (const from of scored) {
    for (const to of scored) {
      if (from === to) continue;
      const ab = recalibrate(from);
      if (!ab) continue;
      const before = calibration(to.outcome, to.score, {bins});
      const after = calibration(
        to.outcome,
        Array.from(to.score, (p) => expit(ab.a + ab.b * logit(p))),
        {bins},
      );
      const pick = (c: typeof before) => ({intercept: c.intercept, slope: c.slope, brier: c.brier});
      recalibration.push({
        fittedOn: from.cohort,
        appliedTo: to.cohort,
        ...ab,
        before: pick(before),
        after: pick(after),
      });
    }
  }
  return {cohorts: out, recalibration, loessSpan: LoessSpan};
}
