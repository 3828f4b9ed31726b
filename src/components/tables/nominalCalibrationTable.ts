import {formatCiLevel, formatFixed, formatP} from "../format/formatStat.js";
import type {NominalCalibration} from "../stats/nominalCalibration.js";
import {estimateColumn, type Row, valueCell} from "./analysisTableCells.js";
import {naNote} from "./cellNote.js";
import type {Column} from "./column.js";
import {estimateFlags} from "./estimateFlags.js";

/**
 * The nominal calibration table (Clinical utility): per external cohort and non-reference class, Van Hoorde's
 * calibration intercept and slope with their Wald intervals, and the cohort's likelihood-ratio test of calibration
 * overall. A cohort without a fit (a class with no patient, or separation) keeps one row that says why.
 */
export interface NominalCohort {
  cohort: string;
  patients: number;
  nominal?: NominalCalibration;
  nominalNote?: string;
}

export function nominalCalibrationRows(cohorts: readonly NominalCohort[], classes: readonly string[]): Row[] {
  return cohorts.flatMap((c): Row[] => {
    const n = c.nominal;
    if (!n) {
      const note = [naNote(c.nominalNote ?? "no nominal calibration fit on this cohort")];
      return [
        {
          cohort: c.cohort,
          patients: c.patients,
          equation: "–",
          intercept: null,
          interceptNotes: note,
          slope: null,
          slopeNotes: note,
          overall: "–",
          overallP: null,
        },
      ];
    }
    const reference = classes[n.reference] ?? String(n.reference);
    const o = n.full?.overall;
    const overall = o
      ? `χ² ${formatFixed(o.chiSquare, 2)} on ${o.df} df, p ${formatP(o.p)}`
      : (n.fullNote ?? "not estimable");
    return n.slopes.map((s, k) => {
      const a = n.intercepts[k];
      return {
        cohort: c.cohort,
        patients: c.patients,
        equation: `${classes[s.label] ?? s.label} vs ${reference}`,
        intercept: a?.estimate ?? null,
        interceptCi: a?.ci ?? null,
        interceptNotes: estimateFlags({n: c.patients, ci: a?.ci ?? null}),
        slope: s.estimate,
        slopeCi: s.ci,
        slopeNotes: estimateFlags({n: c.patients, ci: s.ci}),
        overall: k === 0 ? overall : "",
        overallP: k === 0 ? (o?.p ?? null) : null,
      };
    });
  });
}

/** `ciLevel`: the artifact's; the intervals are Wald intervals at that level. */
export const nominalCalibrationColumns = (ciLevel: number): Column<Row>[] => [
  {key: "cohort", label: "Cohort"},
  {key: "patients", label: "Patients"},
  {key: "equation", label: "Equation (log odds)"},
  estimateColumn("intercept", `Calibration intercept (${formatCiLevel(ciLevel)} CI)`),
  estimateColumn("slope", `Calibration slope (${formatCiLevel(ciLevel)} CI)`),
  {key: "overall", label: "Overall calibration (likelihood ratio)", attributes: valueCell("overallP")},
];
