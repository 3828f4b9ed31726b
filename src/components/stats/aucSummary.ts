import {splitBinary} from "./binaryData.js";
import {bootstrapAucCi, clusterBootstrapAucCi} from "./bootstrapAuc.js";
import {aucCiDeLongSplit} from "./delong.js";
import {obuchowskiAuc} from "./obuchowski.js";
import {type JsonRocPoint, rocCurveSplit, rocPointToJson, youden} from "./rocCurve.js";

export interface AucSummaryOptions {
  /** Bootstrap replicates; 0 = no bootstrap interval. */
  bootstrap: number;
  seed: number;
  ciLevel: number;
  /**
   * Cluster (patient) of each item. When given, `ciBootstrap` is the patient-cluster bootstrap and the naive
   * stratified item bootstrap is reported beside it as `ciBootstrapNaive`, and Obuchowski's clustered interval
   * beside DeLong's (which ignores the clustering) as `ciObuchowski`.
   */
  clusters?: ArrayLike<string | number>;
}

/** JSON-ready summary of one binary discrimination problem (no Infinity, no NaN). */
export interface AucSummary {
  auc: number | null;
  ciDeLong: [number, number] | null;
  ciBootstrap: [number, number] | null;
  ciBootstrapNaive?: [number, number] | null;
  /** With clusters only: Obuchowski's (1997) clustered-data interval; `ciDeLong` then treats patches as independent. */
  ciObuchowski?: [number, number] | null;
  /** pROC `coords(..., "all")`; thresholds ±Infinity as the strings "Infinity"/"-Infinity". */
  roc: JsonRocPoint[];
  youden: {threshold: number; sensitivity: number; specificity: number} | null;
  nCases: number;
  nControls: number;
  note?: string;
}

/**
 * AUC, DeLong CI, bootstrap CI(s), ROC points and the Youden point of `score` against `outcome`.
 * A single class gives auc null, empty roc and a `note`; NaN → RangeError naming the index.
 */
export function aucSummary(
  outcome: ArrayLike<number | boolean>,
  score: ArrayLike<number>,
  {bootstrap, seed, ciLevel, clusters}: AucSummaryOptions,
): AucSummary {
  const {cases, controls} = splitBinary(outcome, score);
  const nCases = cases.length;
  const nControls = controls.length;
  const base = {nCases, nControls};
  if (nCases === 0 || nControls === 0) {
    const summary: AucSummary = {auc: null, ciDeLong: null, ciBootstrap: null, roc: [], youden: null, ...base};
    if (clusters) {
      summary.ciBootstrapNaive = null;
      summary.ciObuchowski = null;
    }
    summary.note = nCases === 0 ? "no cases (positive class absent): AUC undefined" : "no controls: AUC undefined";
    return summary;
  }
  const delong = aucCiDeLongSplit(cases, controls, ciLevel);
  const roc = rocCurveSplit(cases, controls);
  const best = youden(roc);
  const options = {replicates: bootstrap, seed, ciLevel};
  const summary: AucSummary = {
    auc: delong?.auc ?? null,
    ciDeLong: delong?.ci ?? null,
    ciBootstrap: null,
    roc: roc.map(rocPointToJson),
    youden:
      best && Number.isFinite(best.threshold)
        ? {threshold: best.threshold, sensitivity: best.sensitivity, specificity: best.specificity}
        : null,
    ...base,
  };
  if (clusters) summary.ciObuchowski = obuchowskiAuc(outcome, score, clusters, ciLevel)?.ci ?? null;
  if (bootstrap > 0) {
    const naive = bootstrapAucCi(outcome, score, options)?.ci ?? null;
    if (clusters) {
      summary.ciBootstrap = clusterBootstrapAucCi(outcome, score, clusters, options)?.ci ?? null;
      summary.ciBootstrapNaive = naive;
    } else summary.ciBootstrap = naive;
  } else if (clusters) summary.ciBootstrapNaive = null;
  if (delong && delong.ci === null) summary.note = "a single case or control: no DeLong interval";
  return summary;
}
