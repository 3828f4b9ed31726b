import type {AcrossCentresArtifact, ClinicalBaselineArtifact, OrdinalArtifact} from "../analysis/analysisArtifacts.js";
import {formatP} from "../format/formatStat.js";
import {estimateColumn, fixedColumn, num, type Row, valueCell} from "./analysisTableCells.js";
import type {Column} from "./column.js";

/**
 * Rows and columns of the tables of Clinical baseline and Across centres (the calibration and
 * sample-size tables are in analysisCalibrationTables.ts).
 * Every numeric cell carries its raw value in `data-value` (the browser suite reads those), and its CSV the raw
 * numbers; the displayed text is rounded by formatStat.ts.
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
    })),
  );
}

export const clinicalAucColumns: Column<Row>[] = [
  {key: "cohort", label: "Cohort"},
  {key: "model", label: "Model"},
  {key: "patients", label: "Patients"},
  {key: "responders", label: "Responders"},
  estimateColumn("auc", "AUC (95% CI), DeLong"),
];

export function deltaRows(artifact: ClinicalBaselineArtifact): Row[] {
  return artifact.clinical.cohorts.flatMap((c) =>
    (
      [
        ["image-clinical", "image − clinical", c.imageVsClinical],
        ["combined-clinical", "clinical + image − clinical", c.combinedVsClinical],
      ] as const
    ).map(([id, comparison, t]) => ({
      cohort: c.cohort,
      id,
      comparison,
      difference: t?.difference ?? null,
      differenceCi: t?.ci ?? null,
      p: t?.p ?? null,
      pHolm: t?.pHolm ?? null,
    })),
  );
}

export const deltaColumns: Column<Row>[] = [
  {key: "cohort", label: "Cohort"},
  {key: "comparison", label: "Comparison"},
  {
    ...estimateColumn("difference", "ΔAUC (95% CI)"),
    attributes: (r) => ({
      "data-value": num(r.difference),
      "data-cohort": String(r.cohort),
      "data-comparison": String(r.id),
    }),
  },
  {key: "p", label: "p (DeLong)", format: (r) => formatP(r.p as number | null), attributes: valueCell("p")},
  {key: "pHolm", label: "p (Holm)", format: (r) => formatP(r.pHolm as number | null), attributes: valueCell("pHolm")},
];

export function lrtRows(artifact: ClinicalBaselineArtifact): Row[] {
  return artifact.clinical.cohorts.map((c) => ({
    cohort: c.cohort,
    statistic: c.imageTermLrt?.statistic ?? null,
    df: c.imageTermLrt?.df ?? null,
    p: c.imageTermLrt?.p ?? null,
    pHolm: c.imageTermLrt?.pHolm ?? null,
    note: c.notes.join("; "),
  }));
}

export const lrtColumns: Column<Row>[] = [
  {key: "cohort", label: "Cohort"},
  fixedColumn("statistic", "χ²", 2),
  {key: "df", label: "df"},
  {key: "p", label: "p", format: (r) => formatP(r.p as number | null), attributes: valueCell("p")},
  {key: "pHolm", label: "p (Holm)", format: (r) => formatP(r.pHolm as number | null), attributes: valueCell("pHolm")},
  {key: "note", label: "Note"},
];

export function missingRows(artifact: ClinicalBaselineArtifact): Row[] {
  const c = artifact.clinical;
  if (!c) return [];
  return c.predictors.map((name) => ({
    variable: name,
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

export function centreRows(artifact: AcrossCentresArtifact): Row[] {
  const rows: Row[] = artifact.acrossCentres.centres.map((c) => ({
    centre: c.centre,
    patients: c.patients,
    auc: c.auc.estimate,
    aucCi: c.auc.ci,
    accuracy: c.accuracy.estimate,
    accuracyCi: c.accuracy.ci,
    slope: c.calibrationSlope.estimate,
    slopeCi: c.calibrationSlope.ci,
  }));
  const pooled = Object.fromEntries(artifact.acrossCentres.pooled.map((p) => [p.metric, p]));
  rows.push({
    centre: "Pooled (random effects, REML)",
    patients: artifact.acrossCentres.centres.reduce((s, c) => s + c.patients, 0),
    auc: pooled.auc?.estimate ?? null,
    aucCi: pooled.auc?.ci ?? null,
    accuracy: pooled.accuracy?.estimate ?? null,
    accuracyCi: pooled.accuracy?.ci ?? null,
    slope: pooled.calibrationSlope?.estimate ?? null,
    slopeCi: pooled.calibrationSlope?.ci ?? null,
  });
  return rows;
}

export const centreColumns: Column<Row>[] = [
  {key: "centre", label: "Left-out centre"},
  {key: "patients", label: "Patients"},
  estimateColumn("auc", "Objective-response AUC (95% CI)"),
  estimateColumn("accuracy", "Accuracy (95% CI)"),
  estimateColumn("slope", "Calibration slope (95% CI)"),
];

export function pooledRows(artifact: AcrossCentresArtifact): Row[] {
  const names = {auc: "Objective-response AUC", accuracy: "Accuracy", calibrationSlope: "Calibration slope"};
  return artifact.acrossCentres.pooled.map((p) => ({
    metric: names[p.metric],
    scale: p.scale,
    k: p.k,
    estimate: p.estimate,
    estimateCi: p.ci,
    tau2: p.tau2,
    I2: p.I2,
    Qp: p.Qp,
    excluded: p.excluded.map((e) => `${e.centre}: ${e.reason}`).join("; "),
  }));
}

export const pooledColumns: Column<Row>[] = [
  {key: "metric", label: "Metric"},
  {key: "scale", label: "Pooled on"},
  {key: "k", label: "Centres"},
  estimateColumn("estimate", "Pooled (95% CI)"),
  fixedColumn("tau2", "τ²", 4),
  fixedColumn("I2", "I² (%)", 1),
  {key: "Qp", label: "p (Q)", format: (r) => formatP(r.Qp as number | null)},
  {key: "excluded", label: "Left out"},
];

export function ordinalRows(artifact: OrdinalArtifact): Row[] {
  return artifact.ordinal.map((o) => ({
    cohort: o.cohort,
    patients: o.patients,
    linear: o.linear.kappa,
    linearCi: o.linear.ci,
    quadratic: o.quadratic.kappa,
    quadraticCi: o.quadratic.ci,
    orc: o.orc,
    harrellC: o.harrellC,
  }));
}

export const ordinalColumns: Column<Row>[] = [
  {key: "cohort", label: "Cohort"},
  {key: "patients", label: "Patients"},
  estimateColumn("linear", "κ linear (95% CI)"),
  estimateColumn("quadratic", "κ quadratic (95% CI)"),
  fixedColumn("orc", "ORC"),
  fixedColumn("harrellC", "Harrell's C"),
];
