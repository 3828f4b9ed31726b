import {cohenKappa} from "./confusionMatrix.js";
import {checkLevel} from "./delong.js";
import {quantileSorted} from "./quantile.js";
import {createRng} from "./random.js";

export type KappaWeighting = "none" | "linear" | "quadratic";

export interface KappaOptions {
  weighting?: KappaWeighting;
  /** Bootstrap replicates (default 2000). */
  replicates?: number;
  /** Seed of `createRng`; the same seed gives the same interval. */
  seed?: number;
  ciLevel?: number;
}

export interface KappaCi {
  weighting: KappaWeighting;
  /** κ on the data; null when it is undefined (no data, or both ratings use one single class). */
  kappa: number | null;
  /** Percentile interval (type-7 quantiles) of the replicate κ; null when no replicate had a defined κ. */
  ci: [number, number] | null;
  /** Replicates with a defined κ. */
  replicates: number;
  /** Replicates dropped because κ was undefined in them. */
  dropped: number;
}

/**
 * Cohen's κ between observed and predicted ordered classes (indices 0 … classes − 1, e.g. CR < PR < SD < PD) with
 * linear or quadratic agreement weights — R `irr::kappa2(weight = "equal" | "squared")` / `psy::wkappa` — and a
 * percentile bootstrap interval from resampling patients with replacement (seeded; one row = one patient, so a
 * patient's patches must be aggregated first). Throws RangeError naming the index for a class out of range.
 */
export function weightedKappa(
  observed: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: number,
  {weighting = "quadratic", replicates = 2000, seed = 1, ciLevel = 0.95}: KappaOptions = {},
): KappaCi {
  if (observed.length !== predicted.length) {
    throw new RangeError(
      `observed and predicted must have the same length, not ${observed.length} and ${predicted.length}`,
    );
  }
  if (!Number.isInteger(classes) || classes < 2) throw new RangeError(`classes must be an integer ≥ 2, not ${classes}`);
  if (!Number.isInteger(replicates) || replicates < 0)
    throw new RangeError(`replicates must be an integer ≥ 0, not ${replicates}`);
  checkLevel(ciLevel);
  for (const [name, v] of [
    ["observed", observed],
    ["predicted", predicted],
  ] as const) {
    for (let i = 0; i < v.length; i++) {
      const c = v[i];
      if (typeof c !== "number" || !Number.isInteger(c) || c < 0 || c >= classes) {
        throw new RangeError(`${name}[${i}] must be a class index in 0 … ${classes - 1}, not ${String(c)}`);
      }
    }
  }
  const n = observed.length;
  const labels = Array.from({length: classes}, (_, k) => String(k));
  const counts = labels.map(() => new Array<number>(classes).fill(0));
  const kappaOf = (pick: (i: number) => number): number | null => {
    for (const row of counts) row.fill(0);
    for (let i = 0; i < n; i++) {
      const r = pick(i);
      const row = counts[observed[r] as number] as number[];
      row[predicted[r] as number] = (row[predicted[r] as number] as number) + 1;
    }
    return cohenKappa({labels, counts}, weighting);
  };
  const kappa = kappaOf((i) => i);
  const rng = createRng(seed);
  const values: number[] = [];
  let dropped = 0;
  if (n > 0) {
    for (let b = 0; b < replicates; b++) {
      const k = kappaOf(() => rng.int(n));
      if (k === null) dropped++;
      else values.push(k);
    }
  } else dropped = replicates;
  values.sort((a, b) => a - b);
  const ci: [number, number] | null =
    values.length === 0
      ? null
      : [quantileSorted(values, (1 - ciLevel) / 2) as number, quantileSorted(values, 1 - (1 - ciLevel) / 2) as number];
  return {weighting, kappa, ci, replicates: values.length, dropped};
}
