import type {Provenance} from "../artifacts.js";
import {confusionMatrixView} from "../charts/confusionMatrixView.js";
import {dataTable} from "../charts/dataTable.js";
import {el} from "../charts/dom.js";
import {vegaChart} from "../charts/vegaChart.js";
import {
  formatCiLevel,
  formatEstimate,
  formatFixed,
  formatInterval,
  formatPStatement,
  formatW,
} from "../format/formatStat.js";
import {calibrationSpec} from "../specs/calibrationSpec.js";
import {decisionCurveSpec} from "../specs/decisionCurveSpec.js";
import {classColors, cohortColor} from "../specs/palette.js";
import {rocSpec} from "../specs/rocSpec.js";
import type {Evaluation} from "../stats/evaluatePredictions.js";
import {NetBenefitThresholds} from "../stats/netBenefitThresholds.js";
import type {CiMethod} from "../study/vocabulary.js";
import {ResponseLabels} from "../study/vocabulary.js";
import {confusionTable} from "../tables/confusionTable.js";
import {ciOf} from "../tables/levelInputs.js";
import type {UploadResult} from "./evaluateUpload.js";

export interface YourResultsOptions {
  result: UploadResult;
  evaluation: Evaluation;
  model: string;
  cohort: string;
  level: "patch" | "patient";
  ciMethod: CiMethod;
  provenance: Provenance;
  width: number;
  invalidation?: Promise<unknown>;
}

/**
 * Every figure and table of the report for one model, cohort and level of a dropped file, with the same ids' shapes,
 * downloads (SVG / PNG / spec, CSV) and provenance footers as the Discrimination, Objective response and Clinical
 * utility pages. The numbers come from the worker's evaluation, which is `workbench evaluate`'s for the same file and
 * settings; each number carries its raw value in a data- attribute for the browser suite.
 */
export async function yourResults(options: YourResultsOptions): Promise<HTMLElement> {
  const {result, evaluation, model, cohort, level, ciMethod, provenance, width, invalidation} = options;
  const entry = evaluation.cohorts[cohort]?.[level];
  if (!entry) return el("p", {}, `No ${level}-level results for ${cohort}.`);
  const size = Math.max(240, Math.min(420, width - 40));
  const name = `${slug(result.source)}-${slug(model)}-${slug(cohort)}-${level}`;
  const common = {provenance, ...(invalidation ? {invalidation} : {})};
  // The level the worker computed every interval at, named in each header.
  const ciText = formatCiLevel(evaluation.options.ciLevel);

  const summary = el(
    "p",
    {id: "upload-summary", "data-rows": result.rows, "data-patients": result.patients},
    `${result.source}: ${result.rows} ${result.level === "patch" ? "patch rows" : "patient rows"}, ${result.patients} patients; `,
    `${cohort} at ${level} level: ${entry.n} ${level === "patch" ? "patches" : "patients"}, accuracy `,
    el("b", {id: "your-accuracy", "data-value": entry.accuracy ?? ""}, formatFixed(entry.accuracy)),
    `, macro AUC ${formatFixed(entry.macroAuc)}.`,
  );

  const roc = await vegaChart(
    rocSpec(
      ResponseLabels.map((label) => {
        const s = entry.perClass[label];
        return {label, color: classColors[label], auc: s.auc, ci: ciOf(s, ciMethod), points: s.roc};
      }),
      {width: size, height: size},
    ),
    {
      id: "your-roc",
      filename: `roc-${name}`,
      note: `${evaluation.options.bootstrap} replicates, seed ${evaluation.options.seed}`,
      caption: `One-vs-rest ROC curves, ${cohort}, ${level} level.`,
      ...common,
    },
  );
  const aucTable = dataTable(
    ResponseLabels.map((label) => {
      const s = entry.perClass[label];
      return {
        class: label,
        auc: s.auc,
        ci: ciOf(s, ciMethod),
        delong: s.ciDeLong,
        nCases: s.nCases,
        nControls: s.nControls,
      };
    }),
    [
      {key: "class", label: "Class"},
      {
        key: "auc",
        label: "AUC",
        format: (r) => formatEstimate(r.auc, null),
        attributes: (r) => ({"data-class": r.class, "data-auc": r.auc ?? ""}),
      },
      {key: "ci", label: `${ciText} CI (chosen method)`, format: (r) => formatInterval(r.ci)},
      {key: "delong", label: `${ciText} CI DeLong`, format: (r) => formatInterval(r.delong)},
      {key: "nCases", label: "Cases"},
      {key: "nControls", label: "Controls"},
    ],
    {id: "your-auc-table", filename: `auc-${name}`, provenance},
  );
  const confusion = confusionMatrixView(
    confusionTable(entry.confusion.labels, entry.confusion.counts, evaluation.options.ciLevel),
    {
      id: "your-confusion",
      provenance,
    },
  );

  const or = entry.objectiveResponse;
  const orSeries = Object.entries(evaluation.cohorts).flatMap(([c, e], i) => {
    const s = e[level]?.objectiveResponse;
    return s ? [{label: c, color: cohortColor(i), auc: s.auc, ci: s.ciBootstrap ?? s.ciDeLong, points: s.roc}] : [];
  });
  const orRoc = await vegaChart(rocSpec(orSeries, {width: size, height: size}), {
    id: "your-or-roc",
    filename: `or-roc-${name}`,
    caption: `Objective response (CR + PR), every cohort, ${level} level.`,
    ...common,
  });
  const mw = or.mannWhitney;
  const mwText =
    mw === null
      ? el("p", {id: "your-mw"}, "Mann–Whitney test not possible: one group is empty.")
      : el(
          "p",
          {id: "your-mw", "data-w": mw.W, "data-p": mw.p},
          `Responders (n = ${or.nResponders}) against non-responders (n = ${or.nNonResponders}) in ${cohort}: Mann–Whitney U (two-sided, ${mw.method}) W = ${formatW(mw.W)}, ${formatPStatement(mw.p)}; objective-response AUC `,
          el(
            "b",
            {id: "your-or-auc", "data-value": or.auc ?? ""},
            formatEstimate(or.auc, or.ciBootstrap ?? or.ciDeLong),
          ),
          ".",
        );

  const dca = await vegaChart(
    decisionCurveSpec(or.decisionCurve, {width: Math.min(520, width - 60), modelLabel: "P(CR) + P(PR)"}),
    {
      id: "your-dca",
      filename: `dca-${name}`,
      caption: `Net benefit of treating when P(CR) + P(PR) ≥ threshold, ${cohort}, ${level} level.`,
      ...common,
    },
  );
  const at = NetBenefitThresholds.flatMap((t) =>
    or.decisionCurve.filter((p) => Math.abs(p.threshold - t) < 1e-9).map((p) => ({...p})),
  );
  const dcaTable = dataTable(
    at,
    [
      {key: "threshold", label: "Threshold", format: (r) => r.threshold.toFixed(2)},
      {
        key: "netBenefit",
        label: "Net benefit (model)",
        format: (r) => r.netBenefit.toFixed(4),
        attributes: (r) => ({"data-threshold": r.threshold, "data-value": r.netBenefit}),
      },
      {key: "ci", label: `${ciText} band`, format: (r) => formatInterval(r.ci, 4)},
      {key: "treatAll", label: "Treat all", format: (r) => r.treatAll.toFixed(4)},
      {
        key: "interventionsAvoided",
        label: "Interventions avoided / 100",
        format: (r) => r.interventionsAvoided.toFixed(1),
      },
    ],
    {id: "your-dca-table", filename: `dca-${name}`, provenance},
  );
  const cal = or.calibration;
  const calibration = await vegaChart(
    calibrationSpec(cal.bins, {width: Math.min(340, width - 40), height: Math.min(340, width - 40)}),
    {id: "your-calibration-chart", filename: `calibration-${name}`, ...common},
  );
  const calTable = el(
    "table",
    {id: "your-calibration"},
    row("Calibration intercept (in the large)", "your-cal-intercept", cal.intercept),
    row("Calibration slope", "your-cal-slope", cal.slope),
    row("Brier score", "your-cal-brier", cal.brier, 4),
  );

  return el(
    "div",
    {id: "your-results"},
    summary,
    el("h2", {}, "Discrimination"),
    roc,
    aucTable,
    confusion,
    el("h2", {}, "Objective response"),
    orRoc,
    mwText,
    el("h2", {}, "Clinical utility"),
    dca,
    dcaTable,
    el(
      "div",
      {class: "row-flex"},
      el("div", {}, calibration),
      el("div", {}, calTable, cal.note ? el("p", {class: "note"}, cal.note) : null),
    ),
  );
}

function row(label: string, id: string, value: number | null | undefined, digits = 3): HTMLTableRowElement {
  return el("tr", {}, el("th", {}, label), el("td", {id, "data-value": value ?? ""}, formatFixed(value, digits)));
}

/** A file-name-safe fragment for download names (the names never reach a file system path of ours). */
function slug(text: string): string {
  return (
    text
      .replace(/\.csv$/i, "")
      .replace(/[^A-Za-z0-9._-]+/g, "_")
      .slice(0, 40) || "file"
  );
}
