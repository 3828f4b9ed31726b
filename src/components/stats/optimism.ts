import {createRng} from "./random.js";

/**
 * Harrell's bootstrap estimate of optimism (Harrell, Lee & Mark, Stat Med 1996; Steyerberg, Clinical Prediction
 * Models, 2nd ed., ch. 5.3): a model scored on the data it was fitted to looks better than it will on new data. For
 * b = 1..B, draw n units with replacement, refit the whole modelling procedure on the draw, and score that fit on
 * the draw (apparent_b) and on the original data (test_b); optimism = mean(apparent_b − test_b), and the
 * optimism-corrected estimate is apparent − optimism. Generic over the model and the metrics, so the pipeline refits
 * a head on cached embeddings and a test fits a toy model; pure, runs in Node and the browser.
 *
 * Units are what the bootstrap resamples (patients, so a patient's patches stay together). A metric that is
 * undefined in a replicate (an AUC without cases or controls in the draw) leaves that replicate out of that metric's
 * mean; `replicates` says how many counted.
 */
export type MetricValues<K extends string> = Record<K, number | null>;

export interface OptimismEstimate {
  apparent: number | null;
  optimism: number | null;
  /** Monte Carlo standard error of the optimism (sd of the B differences / √B): how much a small B leaves to chance. */
  optimismSe: number | null;
  corrected: number | null;
  /** Replicates in which both apparent_b and test_b were defined. */
  replicates: number;
}

export interface OptimismOptions<M, K extends string> {
  /** Number of units (patients) in the original data; the units are 0..n−1. */
  units: number;
  /** Fits the modelling procedure on these units (with repeats, as drawn). */
  fit(units: readonly number[], replicate: number): M;
  /** Scores a fit on these units (with repeats: a unit drawn twice counts twice). */
  score(model: M, units: readonly number[]): MetricValues<K>;
  metrics: readonly K[];
  replicates: number;
  seed: number;
  /** The apparent performance when already known (the fitted model's own in-sample metrics); fitted here otherwise. */
  apparent?: MetricValues<K>;
}

/**
 * The units each replicate draws, replicate by replicate, exactly as harrellOptimism draws them from `seed`: so the
 * fits can be made elsewhere (in parallel, ahead of the scoring) and handed back in order.
 */
export function bootstrapDraws(units: number, replicates: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({length: replicates}, () => Array.from({length: units}, () => rng.int(units)));
}

export function harrellOptimism<M, K extends string>(options: OptimismOptions<M, K>): Record<K, OptimismEstimate> {
  const {units: n, metrics, replicates} = options;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`harrellOptimism: expected at least 1 unit, got ${n}`);
  if (!Number.isInteger(replicates) || replicates < 1)
    throw new RangeError(`harrellOptimism: expected a positive integer number of replicates, got ${replicates}`);
  const all = Array.from({length: n}, (_, i) => i);
  const apparent = options.apparent ?? options.score(options.fit(all, -1), all);
  const sums = new Map<K, {sum: number; sumSq: number; count: number}>(
    metrics.map((k) => [k, {sum: 0, sumSq: 0, count: 0}]),
  );
  const draws = bootstrapDraws(n, replicates, options.seed);
  for (let b = 0; b < replicates; b++) {
    const draw = draws[b] as number[];
    const model = options.fit(draw, b);
    const onDraw = options.score(model, draw);
    const onOriginal = options.score(model, all);
    for (const k of metrics) {
      const a = onDraw[k];
      const t = onOriginal[k];
      if (a === null || t === null || !Number.isFinite(a) || !Number.isFinite(t)) continue;
      const s = sums.get(k) as {sum: number; sumSq: number; count: number};
      s.sum += a - t;
      s.sumSq += (a - t) ** 2;
      s.count++;
    }
  }
  const out = {} as Record<K, OptimismEstimate>;
  for (const k of metrics) {
    const {sum, sumSq, count} = sums.get(k) as {sum: number; sumSq: number; count: number};
    const app = apparent[k];
    const optimism = count === 0 ? null : sum / count;
    const variance = count < 2 ? null : Math.max(0, (sumSq - (sum * sum) / count) / (count - 1));
    out[k] = {
      apparent: app,
      optimism,
      optimismSe: variance === null ? null : Math.sqrt(variance / count),
      corrected: app === null || optimism === null ? null : app - optimism,
      replicates: count,
    };
  }
  return out;
}
