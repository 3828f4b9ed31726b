import {splitBinary} from "./binaryData.js";
import {chiSquareSurvival} from "./chiSquare.js";
import {aucCiDeLongSplit, checkLevel, delongPlacements, delongVariance} from "./delong.js";

/** One subgroup's patients: a binary outcome (1 = objective response) and the model's score. */
export interface SubgroupInput {
  level: string;
  outcome: ArrayLike<number>;
  score: ArrayLike<number>;
}

export interface SubgroupAucRow {
  level: string;
  n: number;
  nResponders: number;
  /** null when the subgroup has only one class. */
  auc: number | null;
  /** DeLong variance of the AUC (pROC `var(roc, method = "delong")`); null with fewer than 2 cases or controls. */
  variance: number | null;
  /** DeLong interval, exactly pROC `ci.auc(method = "delong")` (clipped to [0, 1]). */
  ci: [number, number] | null;
  /** Why the subgroup adds nothing to the heterogeneity test (undefined when it does). */
  excluded?: string;
}

export interface Heterogeneity {
  /** Cochran's Q of the logit AUCs, each weighted by the inverse of its delta-method DeLong variance. */
  q: number;
  df: number;
  p: number;
  /** Subgroups in the test. */
  k: number;
}

export interface SubgroupAucResult {
  groups: SubgroupAucRow[];
  /** null when fewer than two subgroups can enter the test (`note` says why). */
  heterogeneity: Heterogeneity | null;
  note?: string;
}

/**
 * The objective-response AUC per subgroup with its DeLong interval, and one test of heterogeneity across subgroups
 * (TRIPOD+AI 23a). The test chosen: Cochran's Q of a fixed-effect meta-analysis of the logit AUCs, yᵢ = logit(AUCᵢ)
 * with vᵢ = var_DeLong(AUCᵢ) / (AUCᵢ(1 − AUCᵢ))² (delta method), Q = Σ wᵢ(yᵢ − ȳ_w)², wᵢ = 1/vᵢ, against χ² with
 * k − 1 df: metafor `rma(yi, vi, method = "FE")`'s QE and QEp (golden: test/golden/make-subgroup-golden.R).
 * The logit keeps the weights honest near an AUC of 1, where the AUC-scale variance shrinks to 0 and the interval
 * would sit on the boundary; subgroups are independent (disjoint patients), so no covariance enters.
 * A subgroup enters the test only when its logit AUC and variance are finite and positive: one with a single class
 * (no AUC), fewer than 2 cases or controls (no DeLong variance), or an AUC of 0 or 1 (infinite logit) is listed with
 * the reason. Pure.
 */
export function subgroupAuc(groups: readonly SubgroupInput[], ciLevel = 0.95): SubgroupAucResult {
  checkLevel(ciLevel);
  const rows: SubgroupAucRow[] = [];
  const entered: Array<{y: number; v: number}> = [];
  for (const group of groups) {
    const {cases, controls} = splitBinary(group.outcome, group.score);
    const placements = delongPlacements(cases, controls);
    const variance = placements ? delongVariance(placements) : null;
    const interval = aucCiDeLongSplit(cases, controls, ciLevel);
    const row: SubgroupAucRow = {
      level: group.level,
      n: cases.length + controls.length,
      nResponders: cases.length,
      auc: placements ? placements.theta : null,
      variance,
      ci: interval?.ci ?? null,
    };
    const reason = exclusion(row);
    if (reason === undefined) {
      const a = row.auc as number;
      const v = variance as number;
      entered.push({y: Math.log(a / (1 - a)), v: v / (a * (1 - a)) ** 2});
    } else row.excluded = reason;
    rows.push(row);
  }
  if (entered.length < 2) {
    return {
      groups: rows,
      heterogeneity: null,
      note: `${entered.length} subgroup${entered.length === 1 ? "" : "s"} with a finite logit AUC and variance; the test needs 2`,
    };
  }
  let sw = 0;
  let swy = 0;
  for (const {y, v} of entered) {
    sw += 1 / v;
    swy += y / v;
  }
  const mean = swy / sw;
  let q = 0;
  for (const {y, v} of entered) q += (y - mean) ** 2 / v;
  const df = entered.length - 1;
  return {groups: rows, heterogeneity: {q, df, p: chiSquareSurvival(q, df), k: entered.length}};
}

function exclusion(row: SubgroupAucRow): string | undefined {
  if (row.auc === null) return row.n === 0 ? "no patients" : "one outcome class only: no AUC";
  if (row.variance === null) return "fewer than 2 responders or non-responders: no DeLong variance";
  if (row.auc <= 0 || row.auc >= 1) return `AUC of ${row.auc}: its logit is infinite`;
  if (!(row.variance > 0)) return "DeLong variance of 0";
  return undefined;
}
