import type {ClinicalBaselineArtifact, OrdinalArtifact} from "../analysis/analysisArtifacts.js";
import {formatCiLevel, formatP} from "../format/formatStat.js";
import {estimateColumn, fixedColumn, notesOf, num, type Row, valueCell} from "./analysisTableCells.js";
import {naNote} from "./cellNote.js";
import type {Column} from "./column.js";
import {variableLabel} from "./displayLabels.js";
import {aucNotes, estimateFlags} from "./estimateFlags.js";

/**
 * Rows and columns of the tables of Clinical baseline and of the ordinal agreement on Across centres (the
 * leave-one-centre-out tables are in acrossCentresTables.ts, the calibration and sample-size tables in
 * analysisCalibrationTables.ts).
 * Every numeric cell carries its raw value in `data-value` (the browser suite reads those), and its CSV the raw
 * numbers; the displayed text is rounded by formatStat.ts. Column sets with intervals take the artifact's
 * `ciLevel`, the level the intervals were computed at, and name it in their headers.
 */

export const ModelNames = {clinical: "clinical", image: "image", combined: "clinical + image"} as const;

export function clinicalAucRows(artifact: ClinicalBaselineArtifact): Row[] {
  return artifact.clinical.cohorts.flatMap((c) =>
    (["clinical", "image", "combined"] as const).map((m) => ({
      cohort: c.cohort,
      model: ModelNames[m],
      patients: c.patients,
      responders: c.responders,
      auc: c.auc[m].auc,
      aucCi: c.auc[m].ci,
      aucNotes: aucNotes({
        value: c.auc[m].auc,
        ci: c.auc[m].ci,
        cases: c.responders,
        controls: c.patients - c.responders,
      }),
    })),
  );
}

export const clinicalAucColumns = (ciLevel: number): Column<Row>[] => [
  {key: "cohort", label: "Cohort"},
  {key: "model", label: "Model"},
  {key: "patients", label: "Patients"},
  {key: "responders", label: "Responders"},
  estimateColumn("auc", `AUC (${formatCiLevel(ciLevel)} CI), DeLong`),
];

export function deltaRows(artifact: ClinicalBaselineArtifact): Row[] {
  return artifact.clinical.cohorts.flatMap((c) =>
    (
      [
        ["image-clinical", "image − clinical", c.imageVsClinical],
        ["combined-clinical", "clinical + image − clinical", c.combinedVsClinical],
      ] as const
    ).map(([id, comparison, t]) => {
      // A missing test says why, from the cohort's own notes (the DeLong test's reason is among them).
      const missing = t
        ? []
        : [naNote(c.notes.find((n) => n.startsWith("DeLong")) ?? "no paired test for this cohort")];
      return {
        cohort: c.cohort,
        id,
        comparison,
        difference: t?.difference ?? null,
        differenceCi: t?.ci ?? null,
        differenceNotes: t
          ? estimateFlags({n: c.patients, events: Math.min(c.responders, c.patients - c.responders), ci: t.ci})
          : missing,
        p: t?.p ?? null,
        pNotes: missing,
        pHolm: t?.pHolm ?? null,
        pHolmNotes: missing,
      };
    }),
  );
}

/** A p-value column; an n/a cell carries its reason (`<key>Notes`). */
const pColumn = (key: string, label: string): Column<Row> => ({
  key,
  label,
  format: (r) => formatP(r[key] as number | null),
  attributes: valueCell(key),
  notes: notesOf(key),
});

export const deltaColumns = (ciLevel: number): Column<Row>[] => [
  {key: "cohort", label: "Cohort"},
  {key: "comparison", label: "Comparison"},
  {
    ...estimateColumn("difference", `ΔAUC (${formatCiLevel(ciLevel)} CI)`),
    attributes: (r) => ({
      "data-value": num(r.difference),
      "data-cohort": String(r.cohort),
      "data-comparison": String(r.id),
    }),
  },
  pColumn("p", "p (DeLong)"),
  pColumn("pHolm", "p (Holm)"),
];

export function lrtRows(artifact: ClinicalBaselineArtifact): Row[] {
  return artifact.clinical.cohorts.map((c) => {
    const missing = c.imageTermLrt
      ? []
      : [naNote(c.notes.find((n) => n.startsWith("likelihood-ratio")) ?? "no likelihood-ratio test for this cohort")];
    return {
      cohort: c.cohort,
      statistic: c.imageTermLrt?.statistic ?? null,
      statisticNotes: missing,
      df: c.imageTermLrt?.df ?? null,
      p: c.imageTermLrt?.p ?? null,
      pNotes: missing,
      pHolm: c.imageTermLrt?.pHolm ?? null,
      pHolmNotes: missing,
      note: c.notes.join("; "),
    };
  });
}

export const lrtColumns: Column<Row>[] = [
  {key: "cohort", label: "Cohort"},
  fixedColumn("statistic", "χ²", 2),
  {key: "df", label: "df"},
  pColumn("p", "p"),
  pColumn("pHolm", "p (Holm)"),
  {key: "note", label: "Note"},
];

export function missingRows(artifact: ClinicalBaselineArtifact): Row[] {
  const c = artifact.clinical;
  if (!c) return [];
  return c.predictors.map((name) => ({
    variable: variableLabel(name),
    [`${c.trainingCohort} (training)`]: c.training.missing[name] ?? 0,
    ...Object.fromEntries(c.cohorts.map((k) => [k.cohort, k.imputed[name] ?? 0])),
  }));
}

export function missingColumns(artifact: ClinicalBaselineArtifact): Column<Row>[] {
  const c = artifact.clinical;
  if (!c) return [];
  return [
    {key: "variable", label: "Variable"},
    {key: `${c.trainingCohort} (training)`, label: `${c.trainingCohort} (training)`},
    ...c.cohorts.map((k) => ({key: k.cohort, label: k.cohort})),
  ];
}

/** A weighted κ's notes: why it is undefined, or its flags (replicates with an undefined κ count as without a fit). */
function kappaNotes(patients: number, k: OrdinalArtifact["ordinal"][number]["linear"]) {
  if (k.kappa === null)
    return [
      naNote(patients === 0 ? "no patient in the cohort" : "observed and predicted classes are one single class"),
    ];
  return estimateFlags({n: patients, ci: k.ci, replicates: k.replicates + k.dropped, failed: k.dropped});
}

export function ordinalRows(artifact: OrdinalArtifact): Row[] {
  return artifact.ordinal.map((o) => ({
    cohort: o.cohort,
    patients: o.patients,
    linear: o.linear.kappa,
    linearCi: o.linear.ci,
    linearNotes: kappaNotes(o.patients, o.linear),
    quadratic: o.quadratic.kappa,
    quadraticCi: o.quadratic.ci,
    quadraticNotes: kappaNotes(o.patients, o.quadratic),
    orc: o.orc,
    orcCi: o.intervals.orc,
    harrellC: o.harrellC,
    harrellCCi: o.intervals.harrellC,
    pdi: o.pdi,
    pdiCi: o.intervals.pdi,
  }));
}

export const ordinalColumns = (ciLevel: number): Column<Row>[] => [
  {key: "cohort", label: "Cohort"},
  {key: "patients", label: "Patients"},
  estimateColumn("linear", `κ linear (${formatCiLevel(ciLevel)} CI)`),
  estimateColumn("quadratic", `κ quadratic (${formatCiLevel(ciLevel)} CI)`),
  estimateColumn("orc", `ORC (${formatCiLevel(ciLevel)} CI)`),
  estimateColumn("harrellC", `Harrell's C (${formatCiLevel(ciLevel)} CI)`),
  estimateColumn("pdi", `PDI (${formatCiLevel(ciLevel)} CI; chance 0.25)`),
];
