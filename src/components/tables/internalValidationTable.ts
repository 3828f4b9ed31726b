import {formatFixed} from "../format/formatStat.js";
import type {OptimismProtocol} from "../optimism/optimismArtifact.js";
import {recalibrationEmax} from "../stats/logisticValidation.js";
import type {OptimismEstimate} from "../stats/optimism.js";
import {type ValidationMetricKey, ValidationMetricKeys} from "../stats/validationMetrics.js";
import type {Row} from "./analysisTableCells.js";
import type {Column} from "./column.js";

/**
 * The internal validation of one protocol's objective-response prediction as rms::validate prints it: each index's
 * apparent (in-sample) value, its bootstrap optimism with the Monte Carlo SE, and the corrected value; then Emax,
 * computed (as validate.lrm does) from the intercept and slope, so its corrected value is that of the bias-corrected
 * recalibration. The corrected slope is the uniform shrinkage factor the model needs.
 */
const Labels: Record<ValidationMetricKey, string> = {
  Dxy: "Dxy (Somers' rank correlation)",
  R2: "R² (Nagelkerke)",
  Intercept: "Calibration intercept",
  Slope: "Calibration slope (shrinkage)",
  D: "D (discrimination)",
  U: "U (unreliability)",
  Q: "Q (quality)",
  B: "Brier score",
  g: "g (Gini's mean difference, log odds)",
  gp: "gp (Gini's mean difference, probability)",
  ICI: "ICI (mean loess calibration error)",
  E50: "E50 (median)",
  E90: "E90 (90th percentile)",
};

export function internalValidationRows(result: OptimismProtocol): Row[] {
  const rows: Row[] = ValidationMetricKeys.map((key) => estimateRow(key, Labels[key], result.metrics[key]));
  const {Intercept: a, Slope: b} = result.metrics;
  const emax = (x: number | null, y: number | null) => (x === null || y === null ? null : recalibrationEmax(x, y));
  rows.push({
    index: "Emax",
    label: "Emax (from intercept and slope)",
    apparent: emax(a.apparent, b.apparent),
    optimism: null,
    optimismSe: null,
    corrected: emax(a.corrected, b.corrected),
    replicates: b.replicates,
  });
  return rows;
}

function estimateRow(index: string, label: string, e: OptimismEstimate): Row {
  return {
    index,
    label,
    apparent: e.apparent,
    optimism: e.optimism,
    optimismSe: e.optimismSe,
    corrected: e.corrected,
    replicates: e.replicates,
  };
}

const num = (v: unknown) => (typeof v === "number" ? v : "");

export const internalValidationColumns: Column<Row>[] = [
  {key: "label", label: "Index"},
  {
    key: "apparent",
    label: "Apparent (in-sample)",
    format: (r) => formatFixed(r.apparent as number | null),
    attributes: (r) => ({"data-value": num(r.apparent), "data-index": String(r.index)}),
  },
  {
    key: "optimism",
    label: "Optimism ± Monte Carlo SE",
    format: (r) =>
      r.optimism === null
        ? "—"
        : `${formatFixed(r.optimism as number)}${r.optimismSe === null ? "" : ` ± ${formatFixed(r.optimismSe as number)}`}`,
    attributes: (r) => ({"data-value": num(r.optimism)}),
  },
  {
    key: "corrected",
    label: "Corrected",
    format: (r) => formatFixed(r.corrected as number | null),
    attributes: (r) => ({"data-value": num(r.corrected), "data-corrected": String(r.index)}),
  },
  {key: "replicates", label: "Replicates with a value"},
];
