import {formatFixed, formatProportion} from "../format/formatStat.js";
import type {BinaryMetrics} from "../stats/binaryMetrics.js";
import type {Calibration} from "../stats/calibration.js";

/**
 * One row of a two-column table of statistics (a label, the formatted value). `value`, when present, is written to
 * the cell's `data-value` so tests read the unrounded number; a missing number is written as "" so the attribute is
 * still there. `id` names the cell for tests.
 */
export interface StatRow {
  label: string;
  text: string;
  value?: number | "";
  id?: string;
}

const raw = (v: number | null) => v ?? "";

/** The calibration summary of P(CR) + P(PR): intercept, slope, Brier and scaled Brier scores, and n. */
export function calibrationRows(cal: Calibration): StatRow[] {
  return [
    {
      label: "Calibration intercept (in the large)",
      id: "cal-intercept",
      value: raw(cal.intercept),
      text: formatFixed(cal.intercept),
    },
    {label: "Calibration slope", id: "cal-slope", value: raw(cal.slope), text: formatFixed(cal.slope)},
    {label: "Brier score", id: "cal-brier", value: raw(cal.brier), text: formatFixed(cal.brier, 4)},
    {label: "Scaled Brier", value: raw(cal.scaledBrier), text: formatFixed(cal.scaledBrier)},
    {label: "n", text: String(cal.n)},
  ];
}

/** Sensitivity, specificity, PPV and NPV at a threshold, each with its interval and counts. */
export function thresholdRows(metrics: BinaryMetrics): StatRow[] {
  const row = (label: string, p: BinaryMetrics["sensitivity"]): StatRow => ({
    label,
    value: raw(p.value),
    text: formatProportion(p),
  });
  return [
    row("Sensitivity", metrics.sensitivity),
    row("Specificity", metrics.specificity),
    row("PPV", metrics.ppv),
    row("NPV", metrics.npv),
  ];
}
