import {checkLevel} from "./delong.js";
import {normalSurvival} from "./normal.js";
import {quantileSorted} from "./quantile.js";
import {createRng} from "./random.js";

export interface FleissKappaOptions {
  /** Bootstrap replicates over subjects (default 2000; 0 = no interval). */
  replicates?: number;
  /** Seed of `createRng`; the same seed gives the same interval. */
  seed?: number;
  ciLevel?: number;
}

export interface FleissKappa {
  /** κ = (P̄ − P̄e)/(1 − P̄e); null when undefined (no subject, or every rating in one single category). */
  kappa: number | null;
  /** P̄: mean over subjects of the share of agreeing rater pairs; null without subjects. */
  observed: number | null;
  /** P̄e = Σ p_j², p_j the share of all ratings in category j; null without subjects. */
  expected: number | null;
  /** Large-sample standard error of κ under H0 κ = 0 (Fleiss, Levin & Paik 2003; irr `kappam.fleiss`). */
  se: number | null;
  /** κ / se, the statistic irr reports as z. */
  z: number | null;
  /** Two-sided p of z against the standard normal. */
  p: number | null;
  /** Percentile interval (type-7 quantiles) of the replicate κ; null when no replicate had a defined κ. */
  ci: [number, number] | null;
  subjects: number;
  /** Raters per subject m (0 without subjects). */
  raters: number;
  /** Replicates with a defined κ. */
  replicates: number;
  /** Replicates dropped because κ was undefined in them (all resampled ratings in one category). */
  dropped: number;
}

/**
 * Fleiss' κ (Fleiss 1971) for N subjects each rated by the same number m ≥ 2 of raters into one of `categories`
 * nominal categories; `ratings[i]` holds the category indices (0 … categories − 1) given to subject i. Which raters
 * rated a subject does not matter (only how many chose each category), so the raters need not be the same people
 * from subject to subject — and permuting them changes nothing. Same numbers as `fleissKappaCounts` on the tallies.
 * Throws RangeError naming the entry for a category out of range or a subject with a different number of ratings.
 */
export function fleissKappa(
  ratings: ReadonlyArray<ArrayLike<number>>,
  categories: number,
  options: FleissKappaOptions = {},
): FleissKappa {
  if (!Number.isInteger(categories) || categories < 2)
    throw new RangeError(`categories must be an integer ≥ 2, not ${categories}`);
  const counts = ratings.map((row, i) => {
    const tally = new Array<number>(categories).fill(0);
    for (let r = 0; r < row.length; r++) {
      const c = row[r];
      if (typeof c !== "number" || !Number.isInteger(c) || c < 0 || c >= categories)
        throw new RangeError(`ratings[${i}][${r}] must be a category index in 0 … ${categories - 1}, not ${String(c)}`);
      tally[c] = (tally[c] as number) + 1;
    }
    return tally;
  });
  return fleissKappaCounts(counts, options);
}

/**
 * Fleiss' κ from the N × k table of counts: `counts[i][j]` = how many of subject i's m raters chose category j (the
 * layout of Fleiss 1971, table 1). Every row must sum to the same m ≥ 2. Besides κ:
 *
 * - the standard error under H0 κ = 0 of Fleiss, Nee & Landis (1979), as in Fleiss, Levin & Paik (2003, §18.1) and
 *   irr ≥ 0.6 `kappam.fleiss`: se² = 2 / ((Σ p_j q_j)² · N m (m − 1)) · [(Σ p_j q_j)² − Σ p_j q_j (q_j − p_j)],
 *   q_j = 1 − p_j, with z = κ/se and two-sided p = 2·P(Z > |z|) (taken from the upper tail directly, so a large z
 *   gives a tiny p where irr's `2 * (1 - pnorm(|z|))` prints 0). It tests agreement beyond chance; it is not the
 *   standard error of κ away from 0, which is why the interval is a bootstrap one;
 * - a percentile bootstrap interval from resampling subjects with replacement (seeded), as `weightedKappa` does for
 *   patients.
 *
 * Throws RangeError naming the row for a negative or non-integer count, a row of another length or another sum.
 */
export function fleissKappaCounts(
  counts: ReadonlyArray<ArrayLike<number>>,
  {replicates = 2000, seed = 1, ciLevel = 0.95}: FleissKappaOptions = {},
): FleissKappa {
  if (!Number.isInteger(replicates) || replicates < 0)
    throw new RangeError(`replicates must be an integer ≥ 0, not ${replicates}`);
  checkLevel(ciLevel);
  const n = counts.length;
  const k = n > 0 ? (counts[0] as ArrayLike<number>).length : 0;
  let m = 0;
  // Per subject: Σ_j n_ij², the only per-subject quantity P̄ needs, so a replicate costs O(N·k) and no re-tally.
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = counts[i] as ArrayLike<number>;
    if (row.length !== k) throw new RangeError(`counts[${i}] has ${row.length} categories, counts[0] has ${k}`);
    let sum = 0;
    let sq = 0;
    for (let j = 0; j < k; j++) {
      const c = row[j];
      if (typeof c !== "number" || !Number.isInteger(c) || c < 0)
        throw new RangeError(`counts[${i}][${j}] must be a non-negative integer, not ${String(c)}`);
      sum += c;
      sq += c * c;
    }
    if (i === 0) {
      if (sum < 2) throw new RangeError(`every subject needs m ≥ 2 ratings; counts[0] sums to ${sum}`);
      m = sum;
    } else if (sum !== m) {
      throw new RangeError(`counts[${i}] sums to ${sum} ratings; every subject needs the same m = ${m} (counts[0])`);
    }
    squares[i] = sq;
  }
  const totals = new Float64Array(k);
  const agreementOf = (pick: (i: number) => number) => {
    totals.fill(0);
    let pairs = 0;
    for (let s = 0; s < n; s++) {
      const i = pick(s);
      pairs += (squares[i] as number) - m;
      const row = counts[i] as ArrayLike<number>;
      for (let j = 0; j < k; j++) totals[j] = (totals[j] as number) + (row[j] as number);
    }
    const observed = pairs / (m * (m - 1)) / n;
    let expected = 0;
    for (let j = 0; j < k; j++) {
      const p = (totals[j] as number) / (n * m);
      expected += p * p;
    }
    return {observed, expected, kappa: expected >= 1 ? null : (observed - expected) / (1 - expected)};
  };
  const empty = {kappa: null, observed: null, expected: null, se: null, z: null, p: null, ci: null};
  if (n === 0) return {...empty, subjects: 0, raters: 0, replicates: 0, dropped: replicates};
  const {observed, expected, kappa} = agreementOf((i) => i);
  let se: number | null = null;
  if (kappa !== null) {
    let pq = 0;
    let pqqp = 0;
    for (let j = 0; j < k; j++) {
      const p = (totals[j] as number) / (n * m);
      const q = 1 - p;
      pq += p * q;
      pqqp += p * q * (q - p);
    }
    const variance = (2 / (pq * pq * n * m * (m - 1))) * (pq * pq - pqqp);
    se = variance > 0 ? Math.sqrt(variance) : null;
  }
  const z = kappa !== null && se !== null ? kappa / se : null;
  const rng = createRng(seed);
  const values: number[] = [];
  let dropped = 0;
  for (let b = 0; b < replicates; b++) {
    const r = agreementOf(() => rng.int(n)).kappa;
    if (r === null) dropped++;
    else values.push(r);
  }
  values.sort((a, b) => a - b);
  const ci: [number, number] | null =
    values.length === 0
      ? null
      : [quantileSorted(values, (1 - ciLevel) / 2) as number, quantileSorted(values, 1 - (1 - ciLevel) / 2) as number];
  return {
    kappa,
    observed,
    expected,
    se,
    z,
    p: z === null ? null : Math.min(1, 2 * normalSurvival(Math.abs(z))),
    ci,
    subjects: n,
    raters: m,
    replicates: values.length,
    dropped,
  };
}
