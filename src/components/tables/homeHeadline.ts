import type {MetricsArtifact} from "../artifacts.js";
import {formatCiLevel, formatEstimate, formatPercent} from "../format/formatStat.js";
import type {CellNote} from "./cellNote.js";
import type {Column} from "./column.js";
import {aucNotes} from "./estimateFlags.js";

/** One external cohort under one protocol: the numbers a first-time reader looks for. */
export interface HeadlineResult extends Record<string, unknown> {
  cohort: string;
  protocol: string;
  patients: number;
  auc: number | null;
  ci: [number, number] | null;
  accuracy: number | null;
  /** The AUC cell's flags, or why it is n/a. */
  aucNotes: CellNote[];
}

/**
 * The home page's answer: for every cohort the model was not trained on (in the order the metrics list them), the
 * objective-response AUC at patient level with its build-time interval (the bootstrap one, else DeLong's) and the
 * four-class accuracy, under each protocol the build ran. Computed from metrics.json, never typed in.
 */
export function homeHeadline(metrics: MetricsArtifact, trainingCohort: string): HeadlineResult[] {
  const out: HeadlineResult[] = [];
  for (const [protocol, evaluation] of Object.entries(metrics.protocols)) {
    if (!evaluation) continue;
    for (const [cohort, levels] of Object.entries(evaluation.cohorts)) {
      if (cohort === trainingCohort) continue;
      const patient = levels.patient;
      if (!patient) continue;
      const or = patient.objectiveResponse;
      out.push({
        cohort,
        protocol,
        patients: patient.nPatients,
        auc: or.auc,
        ci: (or.ciBootstrap ?? or.ciDeLong ?? null) as [number, number] | null,
        accuracy: patient.accuracy,
        aucNotes: aucNotes({
          value: or.auc,
          ci: or.ciBootstrap ?? or.ciDeLong ?? null,
          cases: or.nCases,
          controls: or.nControls,
          note: or.note,
        }),
      });
    }
  }
  return out.sort((a, b) => (a.cohort === b.cohort ? 0 : a.cohort < b.cohort ? -1 : 1));
}

export function homeHeadlineColumns(ciLevel: number): Array<Column<HeadlineResult>> {
  return [
    {key: "cohort", label: "external cohort"},
    {key: "protocol", label: "protocol"},
    {key: "patients", label: "patients"},
    {
      key: "auc",
      label: `objective-response AUC (${formatCiLevel(ciLevel)} CI)`,
      format: (r) => formatEstimate(r.auc, r.ci, 2),
      attributes: (r) => ({"data-value": r.auc ?? "", "data-cohort": r.cohort, "data-protocol": r.protocol}),
      notes: (r) => r.aucNotes,
    },
    {key: "accuracy", label: "accuracy (4 classes)", format: (r) => formatPercent(r.accuracy)},
  ];
}
