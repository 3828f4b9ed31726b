import {fromLogit, toLogit} from "../stats/logitScale.js";
import {randomEffects} from "../stats/randomEffects.js";
import {hksjInterval, predictionInterval} from "../stats/randomEffectsIntervals.js";
import {tau2QProfile} from "../stats/tau2QProfile.js";
import type {CentreMetrics, Estimate} from "./centreMetrics.js";

/**
 * Random-effects pooling (REML, metafor::rma) of one metric over the held-out centres, reported as meta-analysts
 * report transportability (Riley, Higgins & Deeks, BMJ 2011; Debray et al., BMJ 2017): the pooled mean with its Wald
 * and its Hartung–Knapp–Sidik–Jonkman interval, the prediction interval for a new centre (t with k − 2 df), and τ²
 * with its Q-profile interval (and the I² bounds it implies), all at the study's ciLevel. AUC (the C statistic of
 * objective response) and accuracy are pooled on the logit scale (delta-method variances, logitScale.ts) and their
 * mean, intervals and prediction interval transformed back; the calibration slope and calibration-in-the-large on
 * their own scale. A centre without an estimate, without a positive SE, or at 0 or 1 (no logit) is left out and named.
 */
export const PooledMetrics = ["auc", "accuracy", "calibrationSlope", "calibrationInTheLarge"] as const;
export type PooledMetric = (typeof PooledMetrics)[number];

export interface Pooled {
  metric: PooledMetric;
  scale: "logit" | "identity";
  /** The level of every interval below. */
  ciLevel: number;
  k: number;
  estimate: number | null;
  /** Wald interval, estimate ± z·se (metafor's default test = "z"). */
  ci: [number, number] | null;
  /** HKSJ interval, estimate ± t(k − 1)·se_HKSJ (metafor's test = "knha", variance factor not truncated). */
  hksjCi: [number, number] | null;
  hksjDf: number | null;
  /** Prediction interval for the metric in a new centre, estimate ± t(k − 2)·√(τ² + se²) (Riley et al. 2011). */
  predictionInterval: [number, number] | null;
  predictionDf: number | null;
  /** Why there is no prediction interval (fewer than three centres), else null. */
  predictionNote: string | null;
  /** Between-centre variance on the pooled scale, and its Q-profile interval. */
  tau2: number | null;
  tau2Ci: [number, number] | null;
  I2: number | null;
  I2Ci: [number, number] | null;
  Qp: number | null;
  /** Centres left out of the pool, with why. */
  excluded: Array<{centre: string; reason: string}>;
}

export function poolCentres(centres: readonly CentreMetrics[], metric: PooledMetric, ciLevel: number): Pooled {
  const scale = metric === "auc" || metric === "accuracy" ? "logit" : "identity";
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
  const k = yi.length;
  const predictionNote =
    k < 3
      ? `no prediction interval: it uses a t distribution with k − 2 degrees of freedom, and ${k} centre${k === 1 ? "" : "s"} leave${k === 1 ? "s" : ""} ${Math.max(0, k - 2)}`
      : null;
  if (k === 0) {
    return {
      metric,
      scale,
      ciLevel,
      k,
      estimate: null,
      ci: null,
      hksjCi: null,
      hksjDf: null,
      predictionInterval: null,
      predictionDf: null,
      predictionNote,
      tau2: null,
      tau2Ci: null,
      I2: null,
      I2Ci: null,
      Qp: null,
      excluded,
    };
  }
  const re = randomEffects(yi, vi, {method: "REML", ciLevel});
  const hksj = hksjInterval(yi, vi, re.tau2, re.estimate, ciLevel);
  const pi = predictionInterval(re.estimate, re.se, re.tau2, k, ciLevel);
  const profile = tau2QProfile(yi, vi, re.tau2, ciLevel);
  const back = (ci: readonly [number, number]): [number, number] =>
    scale === "logit" ? fromLogit(re.estimate, ci).ci : [ci[0], ci[1]];
  return {
    metric,
    scale,
    ciLevel,
    k,
    estimate: scale === "logit" ? fromLogit(re.estimate, re.ci).estimate : re.estimate,
    ci: back(re.ci),
    hksjCi: hksj === null ? null : back(hksj.ci),
    hksjDf: hksj?.df ?? null,
    predictionInterval: pi === null ? null : back(pi.interval),
    predictionDf: pi?.df ?? null,
    predictionNote,
    tau2: re.tau2,
    tau2Ci: profile?.tau2 ?? null,
    I2: re.I2,
    I2Ci: profile?.I2 ?? null,
    Qp: re.Qp,
    excluded,
  };
}
