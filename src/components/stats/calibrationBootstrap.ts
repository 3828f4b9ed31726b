import {assertSameLength} from "./assertFinite.js";
import {calibration} from "./calibration.js";
import {checkLevel} from "./delong.js";
import {quantileSorted} from "./quantile.js";
import {createRng} from "./random.js";
import {clusterDesign, drawWeights} from "./resample.js";

export interface CalibrationBootstrapOptions {
  /** Bootstrap replicates (default 2000). */
  replicates?: number;
  /** Seed of `createRng`. */
  seed?: number;
  ciLevel?: number;
  /** Cluster of each item (e.g. patient id when items are patches); default: every item its own cluster. */
  clusters?: ArrayLike<string | number>;
}

export interface ParameterCi {
  estimate: number | null;
  /** Percentile interval (type-7 quantiles) over the replicates that gave a fit; null when none did. */
  ci: [number, number] | null;
  /** Replicates with a fit, and those without one (a single outcome class or separation in the replicate). */
  replicates: number;
  failed: number;
}

export interface CalibrationBootstrap {
  intercept: ParameterCi;
  slope: ParameterCi;
}

/**
 * Percentile bootstrap intervals for the calibration intercept (calibration-in-the-large) and slope of
 * calibration.ts, resampling clusters (patients) with replacement, unstratified — the patient is the unit a
 * calibration statement is about, and its outcome is part of what varies. Replicates where the recalibration cannot
 * be fitted are counted as failed, never imputed. Seeded, so the same call gives the same interval.
 */
export function calibrationBootstrap(
  outcome: ArrayLike<number | boolean>,
  probability: ArrayLike<number>,
  {replicates = 2000, seed = 1, ciLevel = 0.95, clusters}: CalibrationBootstrapOptions = {},
): CalibrationBootstrap {
  assertSameLength(outcome, probability, "outcome and probability");
  if (clusters) assertSameLength(outcome, clusters, "outcome and clusters");
  if (!Number.isInteger(replicates) || replicates < 0)
    throw new RangeError(`replicates must be an integer ≥ 0, not ${replicates}`);
  checkLevel(ciLevel);
  const point = calibration(outcome, probability); // validates outcome and probability, naming the bad index
  const n = outcome.length;
  const design = clusterDesign(clusters ?? Array.from({length: n}, (_, i) => i), new Uint8Array(n));
  const rng = createRng(seed);
  const weights = new Float64Array(n);
  const scratch = new Uint32Array(design.clusterCount);
  const intercepts: number[] = [];
  const slopes: number[] = [];
  const y: (number | boolean)[] = [];
  const p: number[] = [];
  for (let b = 0; b < replicates && n > 0; b++) {
    drawWeights(design, rng, weights, scratch);
    y.length = 0;
    p.length = 0;
    for (let i = 0; i < n; i++) {
      for (let w = 0; w < (weights[i] as number); w++) {
        y.push(outcome[i] as number | boolean);
        p.push(probability[i] as number);
      }
    }
    const c = calibration(y, p);
    if (c.intercept !== null) intercepts.push(c.intercept);
    if (c.slope !== null) slopes.push(c.slope);
  }
  const summary = (estimate: number | null, values: number[]): ParameterCi => {
    values.sort((a, b) => a - b);
    const lo = quantileSorted(values, (1 - ciLevel) / 2);
    const hi = quantileSorted(values, 1 - (1 - ciLevel) / 2);
    return {
      estimate,
      ci: lo === undefined || hi === undefined ? null : [lo, hi],
      replicates: values.length,
      failed: replicates - values.length,
    };
  };
  return {intercept: summary(point.intercept, intercepts), slope: summary(point.slope, slopes)};
}
