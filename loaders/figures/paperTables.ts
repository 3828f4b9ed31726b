import {formatCiLevel, formatEstimate, formatP} from "../../src/components/format/formatStat.js";
import {cohortOrder} from "../../src/components/study/cohortOrder.js";
import {levelChoice} from "../../src/components/study/levelChoice.js";
import type {Protocol} from "../../src/components/study/vocabulary.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import {cohortLabel} from "../../src/components/tables/inSample.js";
import {ciMethodOptions, ciOf} from "../../src/components/tables/levelInputs.js";
import {table1} from "../../src/components/tables/table1.js";
import type {FigureInputs} from "./figureInputs.js";
import type {PaperTable} from "./paperTable.js";

/**
 * Table 1 as the Cohorts page shows it (cohorts.md): one line per category or median, the variable named on its
 * first line, a column per cohort with its patient count, and the between-cohort p-value with its test.
 */
export function table1Table(inputs: FigureInputs): PaperTable {
  const {cohorts} = inputs;
  const rows = table1(cohorts.clinical, cohorts.cohorts, cohorts.clinicalColumns);
  const n = (c: string) => cohorts.clinical.filter((r) => r.cohort === c).length;
  const headed = new Set(rows.filter((r) => r.kind === "header").map((r) => r.variable));
  return {
    title: "Table 1. Characteristics of the patients per cohort",
    columns: ["Characteristic", "", ...cohorts.cohorts.map((c) => `${c} (n = ${n(c)})`), "p", "Test"],
    rows: rows.map((r) => ({
      header: r.kind === "header",
      cells: [
        r.kind === "header" || (r.kind === "median" && !headed.has(r.variable)) ? r.variable : "",
        r.level,
        ...cohorts.cohorts.map((c) => r.cells[c] ?? ""),
        r.p === null ? "" : formatP(r.p),
        r.test ?? "",
      ],
    })),
    note: "Counts are n (% of the non-missing values); continuous variables median [interquartile range]. p: χ² or Fisher's exact test for counts, Kruskal–Wallis for medians.",
  };
}

/**
 * The discrimination table of one protocol: the one-vs-rest AUC of each class with its interval, per cohort, at
 * the study's primary level and by its configured CI method (the Discrimination page's first view), from
 * metrics.json.
 */
export function discriminationTable(inputs: FigureInputs, protocol: Protocol): PaperTable {
  const {config} = inputs.protocol;
  const evaluation = inputs.metrics.protocols[protocol];
  const level = levelChoice([evaluation], config.evaluation.primaryLevel).value;
  const method = config.evaluation.ciMethod;
  const methodLabel = ciMethodOptions.find((m) => m.key === method)?.label ?? method;
  const ci = formatCiLevel(inputs.metrics.options.ciLevel);
  const {cohorts} = cohortOrder(Object.keys(evaluation.cohorts), config.cohorts.training, config.cohorts.validation);
  const rows: PaperTable["rows"] = [];
  for (const cohort of cohorts) {
    const result = evaluation.cohorts[cohort]?.[level];
    if (!result) continue;
    for (const label of ResponseLabels) {
      const s = result.perClass[label];
      rows.push({
        cells: [
          cohortLabel(cohort, config.cohorts.training),
          label,
          formatEstimate(s.auc, ciOf(s, method)),
          String(s.nCases),
          String(s.nControls),
        ],
      });
    }
  }
  return {
    title: `Discrimination: one-vs-rest AUC per mRECIST class and cohort, ${level} level, ${protocol} protocol`,
    columns: ["Cohort", "Class", `AUC (${ci} CI)`, "Cases", "Controls"],
    rows,
    note: `${ci} CI: ${methodLabel}${method === "cluster" || method === "naive" ? `, ${inputs.metrics.options.bootstrap} replicates, seed ${inputs.metrics.options.seed}` : ""}.`,
  };
}
