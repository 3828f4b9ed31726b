import type {ProtocolRow} from "../../src/components/artifacts.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {protocolRow} from "./protocolDescriptor.js";
import {dataRows} from "./protocolRowsData.js";
import {evaluationRows} from "./protocolRowsEvaluation.js";
import {trainingRows} from "./protocolRowsTraining.js";

export type {ProtocolRow};

/**
 * The methods table of the Protocol page: every parameter with what the paper states (or "not stated; ours"), the
 * value this study uses, and — where they differ — why. Reasons for the corrected protocol are stated once, in the
 * row files by concern (data and patches, training, evaluation), so the page, the CLI and the report say the same.
 */
export function protocolTable(config: StudyConfig): ProtocolRow[] {
  return [...dataRows, ...trainingRows, ...evaluationRows].map((d) => protocolRow(d, config));
}
