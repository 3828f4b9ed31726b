import {evaluateOutcomes, type OutcomeBlocks} from "../outcomes/evaluateOutcomes.js";
import {type CohortComparison, pairedComparison} from "../predictions/pairedComparison.js";
import type {PredictionRecord} from "../predictions/predictionColumns.js";
import {readPredictionsCsv} from "../predictions/readPredictionsCsv.js";
import {readReadersCsv} from "../readers/readReadersCsv.js";
import {type EvaluateOptions, type Evaluation, evaluatePredictions} from "../stats/evaluatePredictions.js";
import type {StudyConfig} from "../study/studyConfig.js";
import {readSurvivalCsv} from "../survival/readSurvivalCsv.js";

/**
 * What the "Your predictions" page computes for a dropped file, in its Web Worker: the file read by the reader
 * `workbench evaluate` uses (so a bad row gets the same message, with its line and patient), then every statistic of
 * the report per model (the protocol column when the file has one, else one model), cohort by cohort so progress can
 * be reported (evaluatePredictions derives each cohort's seeds from the cohort's name, so evaluating cohorts one at a
 * time gives exactly the numbers of one call on the whole file), then the paired comparison with the site's model on
 * the shared patients when the site has predictions. Pure and isomorphic: Node tests call it directly.
 */
export interface UploadRequest {
  text: string;
  /** The file's name, as messages name it. */
  source: string;
  /** The site's own predictions.csv, or null when there is none to compare with. */
  siteText: string | null;
  /** The site's primary protocol: the model the comparison is made against. */
  siteProtocol: string | null;
  /**
   * evaluatePredictions' options; a page that recomputes the site's figures passes metrics.json's `options` whole
   * (aggregation, thresholds, calibration bins), as the Explore page does for its filtered patients.
   */
  options: EvaluateOptions;
  /**
   * Optional readers' and survival files (the `evaluate --readers / --survival` formats) and the settings they are
   * read with (the site's outcomes and evaluation sections): each model is then scored against the readers and
   * against survival, as `workbench evaluate` does.
   */
  outcomes?: {
    readers: {text: string; source: string} | null;
    survival: {text: string; source: string} | null;
    config: Pick<StudyConfig, "evaluation" | "outcomes">;
  };
}

export interface UploadResult {
  source: string;
  rows: number;
  patients: number;
  level: "patch" | "patient";
  warnings: string[];
  /** Model name → evaluation: the protocol column's values, or "your model". */
  models: Record<string, Evaluation>;
  comparison: {against: string; cohorts: CohortComparison[]} | null;
  /** Model name → its readers and survival blocks, when those files were given. */
  outcomes: Record<string, OutcomeBlocks> | null;
}

export const SingleModel = "your model";

export type Progress = (stage: string, done: number, total: number) => void;

export function evaluateUpload(request: UploadRequest, progress: Progress = () => {}): UploadResult {
  progress("reading", 0, 1);
  const {rows, warnings} = readPredictionsCsv(request.text, request.source);
  const byModel = new Map<string, PredictionRecord[]>();
  for (const r of rows) {
    const key = r.protocol ?? SingleModel;
    let list = byModel.get(key);
    if (!list) {
      list = [];
      byModel.set(key, list);
    }
    list.push(r);
  }
  const steps = [...byModel].flatMap(([model, list]) =>
    [...new Set(list.map((r) => r.cohort))].sort().map((cohort) => ({model, cohort})),
  );
  const models: Record<string, Evaluation> = {};
  steps.forEach(({model, cohort}, i) => {
    progress(`evaluating ${model}, cohort ${cohort}`, i, steps.length);
    const list = (byModel.get(model) as PredictionRecord[]).filter((r) => r.cohort === cohort);
    const one = evaluatePredictions(list, request.options);
    const into = models[model] ?? {options: one.options, cohorts: {}};
    models[model] = into;
    Object.assign(into.cohorts, one.cohorts);
  });
  let comparison: UploadResult["comparison"] = null;
  if (request.siteText !== null && request.siteProtocol !== null) {
    progress("comparing with the site's model", steps.length, steps.length + 1);
    const site = readPredictionsCsv(request.siteText, "the site's predictions").rows.filter(
      (r) => r.protocol === undefined || r.protocol === request.siteProtocol,
    );
    const mine = byModel.get(SingleModel) ?? byModel.get(request.siteProtocol) ?? [...byModel.values()][0] ?? [];
    comparison = {against: request.siteProtocol, cohorts: pairedComparison(mine, site, request.options)};
  }
  let outcomes: UploadResult["outcomes"] = null;
  if (request.outcomes && (request.outcomes.readers || request.outcomes.survival)) {
    progress("readers and survival", 0, 1);
    const {readers, survival, config} = request.outcomes;
    const files = {
      readers: readers ? readReadersCsv(readers.text, readers.source) : null,
      survival: survival ? readSurvivalCsv(survival.text, survival.source) : null,
    };
    warnings.push(...(files.readers?.warnings ?? []), ...(files.survival?.warnings ?? []));
    outcomes = Object.fromEntries(
      [...byModel].map(([model, list]) => [model, evaluateOutcomes(list, files, config, request.options)]),
    );
  }
  progress("done", 1, 1);
  return {
    source: request.source,
    rows: rows.length,
    patients: new Set(rows.map((r) => r.patientId)).size,
    level: rows.some((r) => r.patchId !== undefined) ? "patch" : "patient",
    warnings,
    models,
    comparison,
    outcomes,
  };
}
