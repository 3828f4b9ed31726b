import type {PooledMetric} from "../acrossCentres/poolCentres.js";
import type {AcrossCentresArtifact} from "../analysis/analysisArtifacts.js";
import {formatCiLevel, formatInterval, formatP} from "../format/formatStat.js";
import {estimateColumn, fixedColumn, num, type Row} from "./analysisTableCells.js";
import type {Column} from "./column.js";

/**
 * Rows and columns of the Across centres tables: the centre × metric table (each left-out centre, then the pooled
 * row) and the pooled estimates as meta-analysts report transportability (Wald and HKSJ intervals, prediction
 * interval, τ² with its Q-profile interval). Headers name the artifact's `ciLevel`, the level every interval was
 * computed at. Numeric cells carry their raw values in `data-*` attributes; the text is rounded by formatStat.ts.
 */

export const PooledMetricNames: Record<PooledMetric, string> = {
  auc: "C (objective-response AUC)",
  accuracy: "Accuracy",
  calibrationInTheLarge: "Calibration-in-the-large",
  calibrationSlope: "Calibration slope",
};

export function centreRows(artifact: AcrossCentresArtifact): Row[] {
  const rows: Row[] = artifact.acrossCentres.centres.map((c) => ({
    centre: c.centre,
    patients: c.patients,
    auc: c.auc.estimate,
    aucCi: c.auc.ci,
    accuracy: c.accuracy.estimate,
    accuracyCi: c.accuracy.ci,
    citl: c.calibrationInTheLarge.estimate,
    citlCi: c.calibrationInTheLarge.ci,
    slope: c.calibrationSlope.estimate,
    slopeCi: c.calibrationSlope.ci,
  }));
  const pooled = Object.fromEntries(artifact.acrossCentres.pooled.map((p) => [p.metric, p]));
  rows.push({
    centre: "Pooled (random effects, REML; Wald interval)",
    patients: artifact.acrossCentres.centres.reduce((s, c) => s + c.patients, 0),
    auc: pooled.auc?.estimate ?? null,
    aucCi: pooled.auc?.ci ?? null,
    accuracy: pooled.accuracy?.estimate ?? null,
    accuracyCi: pooled.accuracy?.ci ?? null,
    citl: pooled.calibrationInTheLarge?.estimate ?? null,
    citlCi: pooled.calibrationInTheLarge?.ci ?? null,
    slope: pooled.calibrationSlope?.estimate ?? null,
    slopeCi: pooled.calibrationSlope?.ci ?? null,
  });
  return rows;
}

export const centreColumns = (ciLevel: number): Column<Row>[] => [
  {key: "centre", label: "Left-out centre"},
  {key: "patients", label: "Patients"},
  estimateColumn("auc", `C: objective-response AUC (${formatCiLevel(ciLevel)} CI)`),
  estimateColumn("accuracy", `Accuracy (${formatCiLevel(ciLevel)} CI)`),
  estimateColumn("citl", `Calibration-in-the-large (${formatCiLevel(ciLevel)} CI)`),
  estimateColumn("slope", `Calibration slope (${formatCiLevel(ciLevel)} CI)`),
];

export function pooledRows(artifact: AcrossCentresArtifact): Row[] {
  return artifact.acrossCentres.pooled.map((p) => ({
    metric: PooledMetricNames[p.metric],
    scale: p.scale,
    k: p.k,
    estimate: p.estimate,
    estimateCi: p.ci,
    hksj: p.hksjCi,
    hksjDf: p.hksjDf,
    prediction: p.predictionInterval,
    predictionDf: p.predictionDf,
    tau2: p.tau2,
    tau2Ci: p.tau2Ci,
    I2: p.I2,
    I2Ci: p.I2Ci,
    Qp: p.Qp,
    note: [
      ...(p.predictionNote ? [p.predictionNote] : []),
      ...p.excluded.map((e) => `left out ${e.centre}: ${e.reason}`),
    ].join("; "),
  }));
}

/** An interval alone (formatStat's formatInterval), followed by "(t, 2 df)" when it has a df; its ends in data-lower/data-upper. */
const intervalColumn = (key: string, label: string, digits = 3): Column<Row> => ({
  key,
  label,
  format: (r) => {
    const ci = r[key] as [number, number] | null;
    const df = r[`${key}Df`] as number | null | undefined;
    return ci && typeof df === "number" ? `${formatInterval(ci, digits)} (t, ${df} df)` : formatInterval(ci, digits);
  },
  attributes: (r) => {
    const ci = r[key] as [number, number] | null;
    return {"data-lower": num(ci?.[0]), "data-upper": num(ci?.[1])};
  },
});

export const pooledColumns = (ciLevel: number): Column<Row>[] => {
  const level = formatCiLevel(ciLevel);
  return [
    {key: "metric", label: "Metric"},
    {key: "scale", label: "Pooled on"},
    {key: "k", label: "Centres"},
    estimateColumn("estimate", `Pooled (${level} CI, Wald)`),
    intervalColumn("hksj", `${level} CI, HKSJ`),
    intervalColumn("prediction", `${level} prediction interval`),
    fixedColumn("tau2", "τ²", 4),
    intervalColumn("tau2Ci", `τ² ${level} CI (Q-profile)`, 4),
    fixedColumn("I2", "I² (%)", 1),
    intervalColumn("I2Ci", `I² ${level} CI`, 1),
    {key: "Qp", label: "p (Q)", format: (r) => formatP(r.Qp as number | null)},
    {key: "note", label: "Note"},
  ];
};
