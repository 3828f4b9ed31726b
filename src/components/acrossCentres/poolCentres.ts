import {fromLogit, toLogit} from "../stats/logitScale.js";
import {randomEffects} from "../stats/randomEffects.js";
import type {CentreMetrics, Estimate} from "./centreMetrics.js";

/**
 * Random-effects pooling (REML, metafor::rma) of one metric over the held-out centres. AUC and accuracy are pooled on
 * the logit scale (delta-method variances, logitScale.ts) and transformed back; the calibration slope on its own
 * scale. A centre without an estimate, without a positive SE, or at 0 or 1 (no logit) is left out and named.
 */
export type PooledMetric = "auc" | "accuracy" | "calibrationSlope";

export interface Pooled {
  metric: PooledMetric;
  scale: "logit" | "identity";
  k: number;
  estimate: number | null;
  ci: [number, number] | null;
  tau2: number | null;
  I2: number | null;
  Qp: number | null;
  /** Centres left out of the pool, with why. */
  excluded: Array<{centre: string; reason: string}>;
}

export function poolCentres(centres: readonly CentreMetrics[], metric: PooledMetric, ciLevel: number): Pooled {
  const scale = metric === "calibrationSlope" ? "identity" : "logit";
  const yi: number[] = [];
  const vi: number[] = [];
  const excluded: Pooled["excluded"] = [];
  for (const c of centres) {
    const e: Estimate = c[metric];
    if (e.estimate === null || e.se === null || !(e.se > 0)) {
      excluded.push({centre: c.centre, reason: "no estimate with a positive standard error"});
      continue;
    }
    if (scale === "logit") {
      if (!(e.estimate > 0 && e.estimate < 1)) {
        excluded.push({centre: c.centre, reason: `estimate ${e.estimate} has no logit`});
        continue;
      }
      const l = toLogit(e.estimate, e.se, `${c.centre} ${metric}`);
      yi.push(l.yi);
      vi.push(l.vi);
    } else {
      yi.push(e.estimate);
      vi.push(e.se * e.se);
    }
  }
  if (yi.length === 0) {
    return {metric, scale, k: 0, estimate: null, ci: null, tau2: null, I2: null, Qp: null, excluded};
  }
  const re = randomEffects(yi, vi, {method: "REML", ciLevel});
  const back = scale === "logit" ? fromLogit(re.estimate, re.ci) : {estimate: re.estimate, ci: re.ci};
  return {
    metric,
    scale,
    k: re.k,
    estimate: back.estimate,
    ci: back.ci,
    tau2: re.tau2,
    I2: re.I2,
    Qp: re.Qp,
    excluded,
  };
}
