import type {CalibrationExtrasArtifact} from "../analysis/analysisArtifacts.js";
import {formatCiLevel} from "../format/formatStat.js";
import {estimateColumn, fixedColumn, type Row, valueCell} from "./analysisTableCells.js";
import {type CellNote, naNote} from "./cellNote.js";
import type {Column} from "./column.js";
import {estimateFlags} from "./estimateFlags.js";

/** Rows and columns of the calibration tables (Clinical utility); the sample-size tables are sampleSizeTables.ts. */
export function calibrationCiRows(artifact: CalibrationExtrasArtifact): Row[] {
  return artifact.calibration.cohorts.map((c) => ({
    cohort: c.cohort,
    patients: c.patients,
    intercept: c.intercept,
    interceptCi: c.bootstrap.intercept.ci,
    slope: c.slope,
    slopeCi: c.bootstrap.slope.ci,
    brier: c.brier,
    interceptFailed: c.bootstrap.intercept.failed,
    failed: c.bootstrap.slope.failed,
    interceptNotes: fitNotes(c.intercept, c.patients, c.bootstrap.intercept, artifact.replicates),
    slopeNotes: fitNotes(c.slope, c.patients, c.bootstrap.slope, artifact.replicates),
  }));
}

/**
 * A recalibration estimate's notes: n/a when the fit does not exist (calibration.ts leaves it null for exactly two
 * reasons, which the note names), else its flags, counting the bootstrap replicates without a fit.
 */
function fitNotes(
  value: number | null,
  patients: number,
  bootstrap: {ci: [number, number] | null; failed: number},
  replicates: number,
): CellNote[] {
  if (value === null)
    return [naNote("no logistic recalibration fit on this cohort (a single outcome class, or separation)")];
  return estimateFlags({n: patients, ci: bootstrap.ci, replicates, failed: bootstrap.failed});
}

/**
 * The calibration interval table's caption, counted from the bootstrap: each interval is over the replicates that
 * gave a fit, so when some did not the caption says the intervals rest on fewer than were drawn (the table's last
 * columns count them per cohort) instead of naming only the number drawn.
 */
export function calibrationCiCaption(artifact: CalibrationExtrasArtifact): string {
  const drawn = `${artifact.replicates} bootstrap replicates, seed ${artifact.seed}`;
  const failed = artifact.calibration.cohorts.reduce(
    (n, c) => n + c.bootstrap.intercept.failed + c.bootstrap.slope.failed,
    0,
  );
  return failed === 0
    ? `${drawn}.`
    : `${drawn}; ${failed} replicate fits failed: each interval rests only on the replicates with a fit (those without one are counted per cohort on the right).`;
}

/** `ciLevel`: the artifact's, the level of its bootstrap intervals. */
export const calibrationCiColumns = (ciLevel: number): Column<Row>[] => [
  {key: "cohort", label: "Cohort"},
  {key: "patients", label: "Patients"},
  estimateColumn("intercept", `Intercept (bootstrap ${formatCiLevel(ciLevel)} CI)`),
  estimateColumn("slope", `Slope (bootstrap ${formatCiLevel(ciLevel)} CI)`),
  fixedColumn("brier", "Brier"),
  {key: "interceptFailed", label: "Replicates without a fit: intercept", attributes: valueCell("interceptFailed")},
  {key: "failed", label: "slope", attributes: valueCell("failed")},
];

export function perClassCalibrationRows(artifact: CalibrationExtrasArtifact): Row[] {
  return artifact.calibration.cohorts.flatMap((c) =>
    c.perClass.map((k) => ({
      cohort: c.cohort,
      class: artifact.classes[k.label] ?? String(k.label),
      intercept: k.intercept,
      slope: k.slope,
      brier: k.brier,
    })),
  );
}

export const perClassCalibrationColumns: Column<Row>[] = [
  {key: "cohort", label: "Cohort"},
  {key: "class", label: "Class (one vs rest)"},
  fixedColumn("intercept", "Intercept"),
  fixedColumn("slope", "Slope"),
  fixedColumn("brier", "Brier"),
];

export function recalibrationRows(artifact: CalibrationExtrasArtifact): Row[] {
  return artifact.calibration.recalibration.map((r) => ({
    fittedOn: r.fittedOn,
    appliedTo: r.appliedTo,
    a: r.a,
    b: r.b,
    interceptBefore: r.before.intercept,
    slopeBefore: r.before.slope,
    interceptAfter: r.after.intercept,
    slopeAfter: r.after.slope,
    brierBefore: r.before.brier,
    brierAfter: r.after.brier,
  }));
}

export const recalibrationColumns: Column<Row>[] = [
  {key: "fittedOn", label: "Fitted on"},
  {key: "appliedTo", label: "Applied to"},
  fixedColumn("a", "a"),
  fixedColumn("b", "b"),
  fixedColumn("interceptBefore", "Intercept before"),
  fixedColumn("interceptAfter", "after"),
  fixedColumn("slopeBefore", "Slope before"),
  fixedColumn("slopeAfter", "after"),
  fixedColumn("brierBefore", "Brier before"),
  fixedColumn("brierAfter", "after"),
];
