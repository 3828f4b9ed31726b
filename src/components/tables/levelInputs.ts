import type {AucSummary} from "../stats/aucSummary.js";
import {type PredictionRow, RESPONSE_CLASSES} from "../stats/evaluateCohorts.js";
import {meanByGroup} from "../stats/objectiveResponse.js";

/** The interval methods a page offers for an AUC. */
export const ciMethods = [
  {key: "cluster", label: "Patient-cluster bootstrap"},
  {key: "naive", label: "Naive patch bootstrap (as the paper)"},
  {key: "delong", label: "DeLong"},
] as const;
export type CiMethod = (typeof ciMethods)[number]["key"];

/** The interval of `summary` for `method` (the naive bootstrap falls back to the only bootstrap at patient level). */
export function ciOf(summary: AucSummary, method: CiMethod): [number, number] | null {
  if (method === "delong") return summary.ciDeLong;
  if (method === "naive") return summary.ciBootstrapNaive ?? summary.ciBootstrap;
  return summary.ciBootstrap;
}

export interface LevelInputs {
  /** Class index of each item (patch or patient). */
  truth: number[];
  probabilities: Array<readonly [number, number, number, number]>;
  /** Patient of each patch (patch level only): the cluster of the patient-cluster bootstrap. */
  clusters: string[] | null;
  ids: string[];
}

/**
 * The items of one level for the live statistics: patches as given, or patients with the mean of their patches'
 * probability vectors (first-seen order, as `evaluatePredictions`). Pure.
 */
export function levelInputs(rows: readonly PredictionRow[], level: "patch" | "patient"): LevelInputs {
  if (level === "patch") {
    return {
      truth: rows.map((r) => RESPONSE_CLASSES.indexOf(r.label)),
      probabilities: rows.map((r) => r.probabilities),
      clusters: rows.map((r) => r.patientId),
      ids: rows.map((r) => r.patchId ?? r.patientId),
    };
  }
  const groups = meanByGroup(
    rows.map((r) => r.patientId),
    rows.map((r) => r.probabilities),
  );
  return {
    truth: groups.map((g) => RESPONSE_CLASSES.indexOf((rows[g.first] as PredictionRow).label)),
    probabilities: groups.map((g) => g.mean as unknown as readonly [number, number, number, number]),
    clusters: null,
    ids: groups.map((g) => g.key),
  };
}
