import type {SampleSizeArtifact} from "../analysis/analysisArtifacts.js";
import {formatFixed, formatPercent} from "../format/formatStat.js";
import {fixedColumn, type Row, valueCell} from "./analysisTableCells.js";
import type {Column} from "./column.js";

/** Rows, columns and captions of the Protocol page's two sample-size tables (development and external validation). */

const count = (key: string, label: string): Column<Row> => ({key, label, attributes: valueCell(key)});
const integer = (key: string, label: string): Column<Row> => ({
  key,
  label,
  format: (r) => formatFixed(r[key] as number | null, 0),
  attributes: valueCell(key),
});

export function sampleSizeRows(artifact: SampleSizeArtifact): Row[] {
  return artifact.sampleSize.map((s) => ({
    model: s.model,
    parameters: s.parameters,
    overallParameters: s.overallParameters,
    required: s.required,
    shrinkage: s.criteria?.shrinkage ?? null,
    optimism: s.criteria?.optimism ?? null,
    categoryRisk: s.criteria?.categoryRisk ?? null,
    bindingPair: s.bindingPair ? s.bindingPair.map((k) => artifact.classes[k]).join(" vs ") : (s.note ?? "n/a"),
    trainingPatients: s.trainingPatients,
    eventsPerClass: s.eventsPerClass.map((n, k) => `${artifact.classes[k]} ${n}`).join(", "),
    eventsPerParameter: s.eventsPerParameter,
  }));
}

export const sampleSizeColumns: Column<Row>[] = [
  {key: "model", label: "Model"},
  count("parameters", "Candidate parameters P (no intercept)"),
  count("overallParameters", "Overall (K − 1)·P"),
  count("required", "Minimum n (Pate et al.)"),
  integer("shrinkage", "(i) shrinkage ≥ 0.9, every pair"),
  {key: "bindingPair", label: "Pair setting (i)"},
  integer("optimism", "(ii) overall Nagelkerke optimism ≤ 0.05"),
  integer("categoryRisk", "(iii) each class's risk ± 0.05"),
  count("trainingPatients", "Training patients"),
  {key: "eventsPerClass", label: "Patients per class"},
  fixedColumn("eventsPerParameter", "Smallest class per parameter"),
];

export function sampleSizeCaption(artifact: SampleSizeArtifact): string {
  const alpha = artifact.sampleSize.find((s) => s.alphaPerCategory !== null)?.alphaPerCategory;
  const k = artifact.classes.length;
  return (
    `Pate et al. (Stat Methods Med Res 2023) for K = ${k} classes, as their R code (pmsampsize_mult_general, type "m") ` +
    `computes it, with the ${artifact.trainingCohort} cohort's class proportions. P counts candidate predictor parameters ` +
    `of one submodel without its intercept (pmsampsize's "parameters"). Anticipated R²: Nagelkerke ` +
    `${artifact.anticipatedNagelkerke} for every pairwise submodel and for the overall model (Cox–Snell R² = ` +
    `${artifact.anticipatedNagelkerke} × its maximum), Riley et al.'s conservative default and the value of Pate et al.'s ` +
    `worked example, kept because no prior model gives pairwise C-statistics. (i) each pairwise submodel's ` +
    `m = ⌈P / ((S − 1)·ln(1 − R²/S))⌉ over its share of patients; (ii) the overall model with (K − 1)·P parameters and ` +
    `the overall Cox–Snell R²; (iii) each class's proportion within ± 0.05 at a Bonferroni-adjusted α = 0.05/${k}` +
    `${alpha === undefined ? "" : ` = ${alpha}`} (the paper's α/K; the R code divides by 5 whatever K is).`
  );
}

export function validationSizeRows(artifact: SampleSizeArtifact): Row[] {
  return artifact.validation.rows.map((v) => ({
    cohort: v.cohort,
    patients: v.patients,
    responders: v.responders,
    prevalence: v.prevalence,
    required: v.required,
    oe: v.criteria?.oe ?? null,
    calibrationSlope: v.criteria?.calibrationSlope ?? null,
    cStatistic: v.criteria?.cStatistic ?? null,
    netBenefit: v.criteria?.netBenefit ?? null,
    enough: v.enough === null ? (v.note ?? "n/a") : v.enough ? "yes" : "no",
  }));
}

export const validationSizeColumns: Column<Row>[] = [
  {key: "cohort", label: "External cohort"},
  count("patients", "Patients"),
  count("responders", "Responders (CR or PR)"),
  {
    key: "prevalence",
    label: "Prevalence",
    format: (r) => formatPercent(r.prevalence as number | null),
    attributes: valueCell("prevalence"),
  },
  count("required", "Minimum n (Riley et al. 2021)"),
  integer("oe", "O/E (CI width 0.2)"),
  integer("calibrationSlope", "Calibration slope ± 0.1"),
  integer("cStatistic", "C ± 0.05"),
  integer("netBenefit", "Standardised net benefit ± 0.1"),
  {key: "enough", label: "Cohort ≥ minimum"},
];

export function validationSizeCaption(artifact: SampleSizeArtifact): string {
  const {cstatistic, threshold} = artifact.validation.anticipated;
  return (
    `Riley et al. (Stat Med 2021) for objective response, as R's pmvalsampsize (type "b") computes it: confidence intervals at ` +
    `level 0.95 (the method's, not the study's level) no wider than 0.2 for O/E and the calibration slope, 0.1 for C and 0.2 for the standardised net benefit. ` +
    `Anticipated C = ${formatFixed(cstatistic, 3)}, the ${artifact.trainingCohort} cohort's apparent C of objective ` +
    `response in this run (optimistic, so these minima are floors); prevalence: each cohort's own; the linear predictor ` +
    `binormal from C and prevalence (pmvalsampsize's lpcstat assumption), calibrated; net benefit at the responder ` +
    `threshold ${threshold} of the configuration.`
  );
}
