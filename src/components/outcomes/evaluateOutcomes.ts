import type {ModelAgainstReaders} from "../readers/modelAgainstReaders.js";
import {modelByCohort} from "../readers/modelByCohort.js";
import {type ReaderAgreement, readerAgreement} from "../readers/readerAgreement.js";
import type {ReadersTable} from "../readers/readReadersCsv.js";
import type {PredictionRow} from "../stats/evaluatePredictions.js";
import type {StudyConfig} from "../study/studyConfig.js";
import {patientResponseScores} from "../survival/patientResponseScores.js";
import type {SurvivalCsv} from "../survival/readSurvivalCsv.js";
import {type SurvivalByPrediction, survivalByPrediction} from "../survival/survivalByPrediction.js";

/**
 * The `readers` and `survival` blocks of `workbench evaluate` (the command-line contract other tools read): reader
 * agreement and the model against each reference standard per cohort; survival by predicted response per endpoint
 * and cohort. Patient level (patches aggregated as the evaluation aggregates them). A block is present only when its
 * file was given.
 */
export interface OutcomeBlocks {
  readers?: ReaderAgreement & {model: Record<string, ModelAgainstReaders>};
  survival?: SurvivalByPrediction["survival"];
  survivalOptions?: {threshold: number; ciLevel: number; unmatched: Record<string, number>};
}

export function evaluateOutcomes(
  rows: readonly PredictionRow[],
  files: {readers: ReadersTable | null; survival: Pick<SurvivalCsv, "endpoints" | "rows"> | null},
  config: Pick<StudyConfig, "evaluation" | "outcomes">,
  options: {bootstrap: number; seed: number; ciLevel: number},
): OutcomeBlocks {
  const patients = patientResponseScores(rows, config.evaluation.aggregation);
  const out: OutcomeBlocks = {};
  if (files.readers) {
    const table = files.readers;
    out.readers = {
      ...readerAgreement(table, {replicates: options.bootstrap, seed: options.seed, ciLevel: options.ciLevel}),
      model: modelByCohort(patients, table, config.outcomes.referenceStandard, options.ciLevel),
    };
  }
  if (files.survival) {
    const result = survivalByPrediction(patients, files.survival, {
      threshold: config.outcomes.responderThreshold,
      ciLevel: options.ciLevel,
      endpoints: config.outcomes.endpoints,
    });
    out.survival = result.survival;
    out.survivalOptions = {threshold: result.threshold, ciLevel: result.ciLevel, unmatched: result.unmatched};
  }
  return out;
}
