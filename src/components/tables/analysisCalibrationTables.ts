import type {CalibrationExtrasArtifact, SampleSizeArtifact} from "../analysis/analysisArtifacts.js";
import {formatFixed} from "../format/formatStat.js";
import {estimateColumn, fixedColumn, type Row, valueCell} from "./analysisTableCells.js";
import type {Column} from "./column.js";

/** Rows and columns of the calibration tables (Clinical utility) and the sample size (Protocol). */
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

export function sampleSizeRows(artifact: SampleSizeArtifact): Row[] {
  return artifact.sampleSize.map((s) => ({
    model: s.model,
    parametersPerPair: s.parametersPerPair,
    required: s.required,
    shrinkage: s.criteria?.shrinkage ?? null,
    optimism: s.criteria?.optimism ?? null,
    overallRisk: s.criteria?.overallRisk ?? null,
    trainingPatients: s.trainingPatients,
    eventsPerClass: s.eventsPerClass.map((n, k) => `${artifact.classes[k]} ${n}`).join(", "),
    eventsPerParameter: s.eventsPerParameter,
  }));
}

export const sampleSizeColumns: Column<Row>[] = [
  {key: "model", label: "Model"},
  {key: "parametersPerPair", label: "Parameters per pairwise submodel"},
  {key: "required", label: "Minimum n (Riley/Pate)", attributes: valueCell("required")},
  {key: "shrinkage", label: "(i) shrinkage", format: (r) => formatFixed(r.shrinkage as number | null, 0)},
  {key: "optimism", label: "(ii) optimism", format: (r) => formatFixed(r.optimism as number | null, 0)},
  {key: "overallRisk", label: "(iii) overall risk", format: (r) => formatFixed(r.overallRisk as number | null, 0)},
  {key: "trainingPatients", label: "Training patients", attributes: valueCell("trainingPatients")},
  {key: "eventsPerClass", label: "Patients per class"},
  {
    key: "eventsPerParameter",
    label: "Smallest class per parameter",
    format: (r) => formatFixed(r.eventsPerParameter as number, 3),
  },
];
