import {accuracy, confusionMatrix} from "../stats/confusionMatrix.js";
import {aucCiDeLong, checkLevel} from "../stats/delong.js";
import {objectiveResponse} from "../stats/objectiveResponse.js";
import {ResponseLabels} from "../study/vocabulary.js";
import type {ReadersTable} from "./readReadersCsv.js";
import {type ExclusionReason, type ReferenceRule, referenceStandard, type TieBreak} from "./referenceStandard.js";

/** One patient's predicted class probabilities, ordered [P(CR), P(PR), P(SD), P(PD)] (patches already aggregated). */
export interface PatientPrediction {
  patientId: string;
  probabilities: ArrayLike<number>;
}

export interface ModelAgainstReadersOptions {
  ciLevel?: number;
  /** How the majority reference settles a tie (default "exclude": a tied patient has no reference). */
  tie?: TieBreak;
}

/** The model judged against one reference standard. */
export interface ModelVsReference {
  /** The reader's name, "majority" or "unanimous". */
  name: string;
  rule: ReferenceRule;
  /** Patients with both a reference class and a prediction. */
  n: number;
  /** Objective responders (reference CR or PR) and non-responders (SD or PD) among the n. */
  nCases: number;
  nControls: number;
  /** AUC of P(CR) + P(PR) for objective response; null with a single class among the n. */
  auc: number | null;
  /** DeLong interval (pROC `ci.auc(method = "delong")`); null when there is no AUC or only one case or control. */
  ci: [number, number] | null;
  /** Share of the n whose most probable class (ties to the first) is the reference class; null when n = 0. */
  accuracy: number | null;
  /** Patients of the table left without a reference class by the rule, by reason. */
  excluded: Record<ExclusionReason, number>;
  /** Patients with a reference class but no prediction. */
  unpredicted: number;
}

export interface ModelAgainstReaders {
  references: ModelVsReference[];
  /** Predicted patients absent from the readers table. */
  notInTable: number;
}

/**
 * How the model's headline numbers move when the reference standard changes: the objective-response AUC (P(CR) +
 * P(PR), responders CR/PR against SD/PD) with its DeLong interval, and the 4-class accuracy, against each reader in
 * turn, against the readers' majority and against the patients on whom they are unanimous (referenceStandard.ts
 * says which readings count). Patients are matched by id; those without a reference or without a prediction are
 * left out and counted. Throws RangeError for a patient predicted twice (aggregate patches first) or a probability
 * vector that is not 4 finite numbers, naming the patient.
 */
export function modelAgainstReaders(
  predictions: readonly PatientPrediction[],
  table: ReadersTable,
  {ciLevel = 0.95, tie = "exclude"}: ModelAgainstReadersOptions = {},
): ModelAgainstReaders {
  checkLevel(ciLevel);
  const byPatient = new Map<string, ArrayLike<number>>();
  for (const {patientId, probabilities} of predictions) {
    if (byPatient.has(patientId))
      throw new RangeError(`patient ${patientId} is predicted twice; aggregate patch predictions per patient first`);
    if (probabilities.length !== ResponseLabels.length) {
      throw new RangeError(
        `patient ${patientId}: ${probabilities.length} probabilities, expected ${ResponseLabels.length} (${ResponseLabels.join(", ")})`,
      );
    }
    for (let c = 0; c < probabilities.length; c++) {
      if (!Number.isFinite(probabilities[c]))
        throw new RangeError(`patient ${patientId}: P(${ResponseLabels[c]}) must be a finite number`);
    }
    byPatient.set(patientId, probabilities);
  }
  const inTable = new Set(table.rows.map((r) => r.patientId));
  const rules: Array<{name: string; rule: ReferenceRule}> = [
    ...table.readers.map((reader) => ({name: reader, rule: {rule: "reader", reader} as const})),
    {name: "majority", rule: {rule: "majority", tie}},
    {name: "unanimous", rule: {rule: "unanimous"}},
  ];
  const references = rules.map(({name, rule}): ModelVsReference => {
    const standard = referenceStandard(table, rule);
    const truth: number[] = [];
    const probabilities: Array<ArrayLike<number>> = [];
    let unpredicted = 0;
    for (const {patientId, reference} of standard.rows) {
      if (reference === null) continue;
      const p = byPatient.get(patientId);
      if (p === undefined) unpredicted++;
      else {
        truth.push(reference);
        probabilities.push(p);
      }
    }
    const {outcome, score} = objectiveResponse(truth, probabilities);
    const nCases = outcome.reduce((a, b) => a + b, 0);
    const auc = aucCiDeLong(outcome, score, ciLevel);
    return {
      name,
      rule,
      n: truth.length,
      nCases,
      nControls: truth.length - nCases,
      auc: auc?.auc ?? null,
      ci: auc?.ci ?? null,
      accuracy: accuracy(confusionMatrix(ResponseLabels, truth, probabilities)),
      excluded: standard.counts.excluded,
      unpredicted,
    };
  });
  let notInTable = 0;
  for (const id of byPatient.keys()) if (!inTable.has(id)) notInTable++;
  return {references, notInTable};
}
