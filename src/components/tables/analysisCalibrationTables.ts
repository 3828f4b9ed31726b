import type {CalibrationExtrasArtifact} from "../analysis/analysisArtifacts.js";
import {estimateColumn, fixedColumn, type Row} from "./analysisTableCells.js";
import type {Column} from "./column.js";

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
    failed: c.bootstrap.slope.failed,
  }));
}

export const calibrationCiColumns: Column<Row>[] = [
  {key: "cohort", label: "Cohort"},
  {key: "patients", label: "Patients"},
  estimateColumn("intercept", "Intercept (bootstrap 95% CI)"),
  estimateColumn("slope", "Slope (bootstrap 95% CI)"),
  fixedColumn("brier", "Brier"),
  {key: "failed", label: "Replicates without a fit"},
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
