import {formatFixed, formatProportion} from "../format/formatStat.js";
import type {BinaryMetrics} from "../stats/binaryMetrics.js";
import type {Calibration} from "../stats/calibration.js";
import {type CellNote, naNote} from "./cellNote.js";
import {estimateFlags} from "./estimateFlags.js";

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
  /** Flags and the n/a reason of the value (cellNote.ts). */
  notes?: CellNote[];
}

const raw = (v: number | null) => v ?? "";

/**
 * The calibration summary of P(CR) + P(PR): intercept, slope, Brier and scaled Brier scores, and n. A fit that is
 * missing says why (its `note`: one outcome class, or separation); every estimate from fewer than 10 patients is
 * flagged.
 */
export function calibrationRows(cal: Calibration): StatRow[] {
  const flags = estimateFlags({n: cal.n});
  const notes = (v: number | null, why: string | undefined): CellNote[] =>
    v === null ? [naNote(why ?? (cal.n === 0 ? "no patient in the cohort" : "the fit is undefined"))] : flags;
  return [
    {
      label: "Calibration intercept (in the large)",
      id: "cal-intercept",
      value: raw(cal.intercept),
      text: formatFixed(cal.intercept),
      notes: notes(cal.intercept, cal.note),
    },
    {
      label: "Calibration slope",
      id: "cal-slope",
      value: raw(cal.slope),
      text: formatFixed(cal.slope),
      notes: notes(cal.slope, cal.note),
    },
    {
      label: "Brier score",
      id: "cal-brier",
      value: raw(cal.brier),
      text: formatFixed(cal.brier, 4),
      notes: notes(cal.brier, cal.n === 0 ? "no patient in the cohort" : undefined),
    },
    {
      label: "Scaled Brier",
      value: raw(cal.scaledBrier),
      text: formatFixed(cal.scaledBrier),
      notes: notes(
        cal.scaledBrier,
        "a single outcome class: the Brier score of the prevalence is 0, nothing to scale by",
      ),
    },
    {label: "n", text: String(cal.n)},
  ];
}

/**
 * Sensitivity, specificity, PPV and NPV at a threshold, each with its interval and counts; flagged when its
 * denominator is under 10, and an empty denominator says which group is empty.
 */
export function thresholdRows(metrics: BinaryMetrics): StatRow[] {
  const empty = {
    sensitivity: "no responder in the cohort",
    specificity: "no non-responder in the cohort",
    ppv: "no patient called a responder at this threshold",
    npv: "no patient called a non-responder at this threshold",
  } as const;
  const row = (label: string, key: keyof typeof empty): StatRow => {
    const p = metrics[key];
    return {
      label,
      value: raw(p.value),
      text: formatProportion(p),
      notes: p.value === null ? [naNote(empty[key])] : estimateFlags({n: p.n, ci: p.ci}),
    };
  };
  return [row("Sensitivity", "sensitivity"), row("Specificity", "specificity"), row("PPV", "ppv"), row("NPV", "npv")];
}
