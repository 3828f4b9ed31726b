import {formatCiLevel, formatEstimate, formatFixed, formatP, formatPStatement} from "../format/formatStat.js";
import type {SurvivalArtifact} from "../survival/survivalArtifact.js";
import type {
  EndpointCohort,
  LandmarkComparison,
  Median,
  SurvivalByPrediction,
} from "../survival/survivalByPrediction.js";
import type {Column} from "./column.js";

export type SurvivalRow = EndpointCohort & {cohort: string; inSample: boolean} & Record<string, unknown>;

/** One row per cohort of one protocol and endpoint, in the artifact's cohort order. */
export function survivalRows(
  artifact: Pick<SurvivalArtifact, "cohorts" | "trainingCohort"> & {
    protocols: Partial<Record<string, Pick<SurvivalByPrediction, "survival">>>;
  },
  protocol: string,
  endpoint: string,
): SurvivalRow[] {
  const byCohort = artifact.protocols[protocol]?.survival[endpoint] ?? {};
  return artifact.cohorts.flatMap((cohort) => {
    const r = byCohort[cohort];
    return r ? [{...r, cohort, inSample: cohort === artifact.trainingCohort}] : [];
  });
}

const medianText = (m: Median, digits = 1) =>
  m.estimate === null
    ? "not reached"
    : `${m.estimate.toFixed(digits)} [${m.lower === null ? "–" : m.lower.toFixed(digits)}, ${m.upper === null ? "not reached" : m.upper.toFixed(digits)}]`;

const pText = formatP;

/** Cox did not converge: the likelihood is monotone (a group with no event, say) and the HR runs off to 0 or ∞. */
const notConverged = (fit: {estimable: boolean}) =>
  fit.estimable ? "" : " — not estimable: the likelihood is monotone (a group without an event)";

export function survivalColumns(unit: string, ciLevel: number): Array<Column<SurvivalRow>> {
  const level = `${formatCiLevel(ciLevel)} CI`;
  return [
    {key: "cohort", label: "cohort", format: (r) => (r.inSample ? `${r.cohort} (training, in-sample)` : r.cohort)},
    {key: "n", label: "patients (events)", format: (r) => `${r.n} (${r.events})`},
    {
      key: "groups",
      label: "predicted responders / non-responders",
      format: (r) => `${r.responders} / ${r.nonResponders}`,
    },
    {
      key: "medianResponder",
      label: `median, responders (${unit}) [${level}]`,
      format: (r) => medianText(r.medianCi.responder),
    },
    {
      key: "medianNonResponder",
      label: `median, non-responders (${unit}) [${level}]`,
      format: (r) => medianText(r.medianCi.nonResponder),
    },
    {
      key: "logrank",
      label: "log-rank χ² (p)",
      format: (r) => `${formatFixed(r.logrank.chisq, 2)} (${pText(r.logrank.p)})`,
      attributes: (r) => ({"data-value": r.logrank.chisq}),
    },
    {
      key: "coxGroup",
      label: `HR responders vs non [${level}]`,
      format: (r) =>
        r.coxGroup ? `${formatEstimate(r.coxGroup.hr, r.coxGroup.ci, 2)}${notConverged(r.coxGroup)}` : "n/a",
      attributes: (r) => ({"data-value": r.coxGroup?.hr ?? "", "data-cohort": r.cohort}),
    },
    {
      key: "cox",
      label: `HR per unit of score [${level}] (p)`,
      format: (r) =>
        r.cox ? `${formatEstimate(r.cox.hr, r.cox.ci, 2)} (${pText(r.cox.p)})${notConverged(r.cox)}` : "n/a",
      attributes: (r) => ({"data-value": r.cox?.hr ?? "", "data-cohort": r.cohort}),
    },
    {key: "zph", label: "PH test p", format: (r) => pText(r.cox?.zph?.p ?? null)},
    {
      key: "concordance",
      label: "Harrell's C (SE)",
      format: (r) => (r.concordance ? `${r.concordance.c.toFixed(3)} (${r.concordance.se.toFixed(3)})` : "n/a"),
      attributes: (r) => ({"data-value": r.concordance?.c ?? ""}),
    },
    {
      key: "uno",
      label: "Uno's C (SE)",
      format: (r) => (r.uno ? `${r.uno.c.toFixed(3)} (${r.uno.se.toFixed(3)})` : "n/a"),
    },
    {
      key: "timeAuc",
      label: "time-dependent AUC",
      format: (r) =>
        r.timeAuc.length === 0 ? "–" : r.timeAuc.map((a) => `${a.time} ${unit}: ${formatFixed(a.auc)}`).join("; "),
    },
  ];
}

/** The CSV of the table: plain numbers. */
export function survivalCsv(rows: readonly SurvivalRow[]): Array<Record<string, unknown>> {
  return rows.map((r) => ({
    cohort: r.cohort,
    n: r.n,
    events: r.events,
    responders: r.responders,
    non_responders: r.nonResponders,
    median_responder: r.medianCi.responder.estimate,
    median_responder_lower: r.medianCi.responder.lower,
    median_responder_upper: r.medianCi.responder.upper,
    median_non_responder: r.medianCi.nonResponder.estimate,
    median_non_responder_lower: r.medianCi.nonResponder.lower,
    median_non_responder_upper: r.medianCi.nonResponder.upper,
    logrank_chisq: r.logrank.chisq,
    logrank_p: r.logrank.p,
    hr_group: r.coxGroup?.hr ?? null,
    hr_group_lower: r.coxGroup?.ci[0] ?? null,
    hr_group_upper: r.coxGroup?.ci[1] ?? null,
    hr_score: r.cox?.hr ?? null,
    hr_score_lower: r.cox?.ci[0] ?? null,
    hr_score_upper: r.cox?.ci[1] ?? null,
    hr_score_p: r.cox?.p ?? null,
    lrt_p: r.cox?.lrt.p ?? null,
    score_test_p: r.cox?.score.p ?? null,
    zph_p: r.cox?.zph?.p ?? null,
    harrell_c: r.concordance?.c ?? null,
    harrell_se: r.concordance?.se ?? null,
    uno_c: r.uno?.c ?? null,
    uno_se: r.uno?.se ?? null,
  }));
}

/** What a clinician reads first, from the numbers: the group contrast in one external cohort. */
export function survivalHeadline(row: SurvivalRow, label: string, unit: string, threshold: number): string {
  const m = (x: number | null) => (x === null ? "not reached" : `${x.toFixed(1)} ${unit}`);
  const hr = !row.coxGroup
    ? ""
    : row.coxGroup.estimable
      ? `, hazard ratio ${formatEstimate(row.coxGroup.hr, row.coxGroup.ci, 2)}`
      : ", a hazard ratio that cannot be estimated (the likelihood is monotone)";
  return (
    `In ${row.cohort}${row.inSample ? " (the training cohort, in-sample)" : ""}, the ${row.responders} patients the model ` +
    `predicts to respond (P(CR) + P(PR) ≥ ${threshold}) had a median ${label.toLowerCase()} of ${m(row.median.responder)}, ` +
    `against ${m(row.median.nonResponder)} for the ${row.nonResponders} predicted non-responders${hr} ` +
    `(log-rank ${formatPStatement(row.logrank.p)}).`
  );
}

export type LandmarkRow = LandmarkComparison & {cohort: string; inSample: boolean} & Record<string, unknown>;

/** The observed-response (landmark) comparison of each cohort that has one. */
export function landmarkRows(rows: readonly SurvivalRow[]): LandmarkRow[] {
  return rows.flatMap((r) => (r.observed ? [{...r.observed, cohort: r.cohort, inSample: r.inSample}] : []));
}

export function landmarkColumns(unit: string, ciLevel: number): Array<Column<LandmarkRow>> {
  const level = `${formatCiLevel(ciLevel)} CI`;
  return [
    {key: "cohort", label: "cohort"},
    {
      key: "n",
      label: "followed past the landmark (events)",
      format: (r) => `${r.n} (${r.events}); ${r.excluded} left out`,
    },
    {
      key: "groups",
      label: "observed responders / non-responders",
      format: (r) => `${r.responders} / ${r.nonResponders}`,
    },
    {
      key: "medianResponder",
      label: `median from the landmark, responders (${unit}) [${level}]`,
      format: (r) => medianText(r.medianCi.responder),
    },
    {
      key: "medianNonResponder",
      label: `… non-responders (${unit}) [${level}]`,
      format: (r) => medianText(r.medianCi.nonResponder),
    },
    {
      key: "logrank",
      label: "log-rank χ² (p)",
      format: (r) => `${formatFixed(r.logrank.chisq, 2)} (${pText(r.logrank.p)})`,
    },
    {
      key: "coxGroup",
      label: `HR responders vs non [${level}]`,
      format: (r) => (r.coxGroup ? formatEstimate(r.coxGroup.hr, r.coxGroup.ci, 2) : "n/a"),
      attributes: (r) => ({"data-value": r.coxGroup?.hr ?? "", "data-cohort": r.cohort}),
    },
  ];
}
