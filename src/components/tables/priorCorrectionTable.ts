import type {CalibrationExtrasArtifact} from "../analysis/analysisArtifacts.js";
import {fixedColumn, type Row} from "./analysisTableCells.js";
import type {Column} from "./column.js";

/**
 * Calibration of P(CR) + P(PR) before and after the run's prior correction, one row per external cohort and version
 * ("as trained": the balanced training's probabilities; "corrected": the run's, which every other figure uses).
 */
export function priorCorrectionRows(artifact: CalibrationExtrasArtifact): Row[] {
  const effect = artifact.priorCorrection;
  if (!effect) return [];
  return effect.cohorts.flatMap((c) =>
    (["asTrained", "corrected"] as const).map((version) => ({
      cohort: c.cohort,
      patients: c.patients,
      probabilities: version === "asTrained" ? "as trained (balanced)" : "prior-corrected (reported)",
      ...c[version],
    })),
  );
}

export const priorCorrectionColumns: Column<Row>[] = [
  {key: "cohort", label: "Cohort"},
  {key: "patients", label: "Patients"},
  {key: "probabilities", label: "Probabilities"},
  fixedColumn("meanPredicted", "Mean P(CR) + P(PR)"),
  fixedColumn("observed", "Observed response rate"),
  fixedColumn("intercept", "Calibration intercept"),
  fixedColumn("slope", "Calibration slope"),
  fixedColumn("brier", "Brier"),
];
