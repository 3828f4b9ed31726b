import {formatCiLevel, formatEstimate, formatFixed, formatPStatement} from "../format/formatStat.js";
import type {ForestRow} from "../specs/forestSpec.js";
import type {Evaluation} from "../stats/evaluatePredictions.js";
import type {Column} from "../tables/column.js";
import type {SubgroupAnalysis} from "./subgroupLevels.js";

/** One cohort of the filtered patients, patient level: its headline statistics. */
export type CohortSummaryRow = {
  cohort: string;
  patients: number;
  responders: number;
  orAuc: number | null;
  orCi: [number, number] | null;
  macroAuc: number | null;
  accuracy: number | null;
  balancedAccuracy: number | null;
};

/**
 * The patient-level headline of each cohort of an evaluation, in `order` (cohorts missing from the evaluation — every
 * patient filtered out — are left out). The objective-response interval is the bootstrap's, as on the Objective
 * response page (DeLong's when there are no replicates).
 */
export function cohortSummaryRows(evaluation: Evaluation, order: readonly string[]): CohortSummaryRow[] {
  return order.flatMap((cohort) => {
    const level = evaluation.cohorts[cohort]?.patient;
    if (level === undefined) return [];
    const or = level.objectiveResponse;
    return [
      {
        cohort,
        patients: level.nPatients,
        responders: or.nResponders,
        orAuc: or.auc,
        orCi: or.ciBootstrap ?? or.ciDeLong,
        macroAuc: level.macroAuc,
        accuracy: level.accuracy,
        balancedAccuracy: level.balancedAccuracy,
      },
    ];
  });
}

/** The summary's columns; the AUC cell carries `data-cohort` and `data-auc` (the unrounded value) for tests. */
export function cohortSummaryColumns(ciLevel: number): Array<Column<CohortSummaryRow>> {
  return [
    {key: "cohort", label: "Cohort"},
    {key: "patients", label: "Patients"},
    {key: "responders", label: "Responders (CR or PR)"},
    {
      key: "orAuc",
      label: `Objective-response AUC [${formatCiLevel(ciLevel)} CI]`,
      format: (r) => formatEstimate(r.orAuc, r.orCi),
      attributes: (r) => ({"data-cohort": r.cohort, "data-auc": r.orAuc ?? ""}),
    },
    {key: "macroAuc", label: "Macro one-vs-rest AUC", format: (r) => formatFixed(r.macroAuc)},
    {key: "accuracy", label: "Accuracy (4 classes)", format: (r) => formatFixed(r.accuracy)},
    {key: "balancedAccuracy", label: "Balanced accuracy", format: (r) => formatFixed(r.balancedAccuracy)},
  ];
}

/** One subgroup of one variable, with its variable's heterogeneity test on its first row. */
export type SubgroupRow = {
  variable: string;
  subgroup: string;
  patients: number;
  responders: number;
  auc: number | null;
  ci: [number, number] | null;
  /** Why the subgroup is not in the test, "" when it is. */
  excluded: string;
  q: number | null;
  df: number | null;
  p: number | null;
  /** The variable's note when it has no test. */
  note: string;
};

/** The rows of one or more subgroup analyses: one per subgroup, the test on each variable's first row. */
export function subgroupRows(analyses: readonly SubgroupAnalysis[]): SubgroupRow[] {
  return analyses.flatMap((a) =>
    a.groups.map((g, i) => ({
      variable: a.column.label,
      subgroup: g.level,
      patients: g.n,
      responders: g.nResponders,
      auc: g.auc,
      ci: g.ci,
      excluded: g.excluded ?? "",
      q: i === 0 ? (a.heterogeneity?.q ?? null) : null,
      df: i === 0 ? (a.heterogeneity?.df ?? null) : null,
      p: i === 0 ? (a.heterogeneity?.p ?? null) : null,
      note: i === 0 ? (a.note ?? "") : "",
    })),
  );
}

export function subgroupColumns(ciLevel: number): Array<Column<SubgroupRow>> {
  return [
    {key: "variable", label: "Variable"},
    {key: "subgroup", label: "Subgroup"},
    {key: "patients", label: "Patients"},
    {key: "responders", label: "Responders"},
    {
      key: "auc",
      label: `Objective-response AUC [${formatCiLevel(ciLevel)} CI, DeLong]`,
      format: (r) => formatEstimate(r.auc, r.ci),
      attributes: (r) => ({"data-subgroup": r.subgroup, "data-auc": r.auc ?? ""}),
    },
    {key: "excluded", label: "Left out of the test because"},
    {
      key: "q",
      label: "Heterogeneity: Cochran's Q (df), p",
      format: (r) => (r.q === null ? r.note : `${r.q.toFixed(2)} (${r.df}), ${formatPStatement(r.p)}`),
    },
  ];
}

/** A subgroup analysis as forest rows, with all its patients' AUC (`overall`) as the diamond at the bottom. */
export function subgroupForestRows(
  analysis: SubgroupAnalysis,
  overall: {auc: number | null; ci: [number, number] | null},
): ForestRow[] {
  const rows: ForestRow[] = analysis.groups.map((g) => ({
    label: `${g.level} (n = ${g.n})`,
    estimate: g.auc,
    lower: g.ci?.[0] ?? null,
    upper: g.ci?.[1] ?? null,
    pooled: false,
  }));
  rows.push({
    label: `All (n = ${analysis.groups.reduce((s, g) => s + g.n, 0)})`,
    estimate: overall.auc,
    lower: overall.ci?.[0] ?? null,
    upper: overall.ci?.[1] ?? null,
    pooled: true,
  });
  return rows;
}

/** The heterogeneity test in one sentence, for the forest plot's caption. */
export function heterogeneitySentence(analysis: SubgroupAnalysis): string {
  const h = analysis.heterogeneity;
  if (h === null) return `No test of heterogeneity: ${analysis.note ?? "too few subgroups"}.`;
  return `Cochran's Q on the logit AUCs (inverse-variance weights from DeLong's variance): Q = ${h.q.toFixed(2)}, df = ${h.df}, ${formatPStatement(h.p)} across ${h.k} subgroups.`;
}
