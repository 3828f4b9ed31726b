import {normalQuantile} from "./normal.js";

/**
 * Minimum sample size for developing a prediction model, by Riley et al. (BMJ 2020;368:m441; Stat Med
 * 2019;38:1276–96) for a binary outcome and by Pate et al. (Stat Methods Med Res 2023;32:555–71) for a multinomial
 * one. With P candidate parameters, anticipated Cox–Snell R² (R²cs) and outcome proportion φ:
 *   (i)   expected uniform shrinkage ≥ S (0.9):  n = P / ((S − 1)·ln(1 − R²cs/S));
 *   (ii)  optimism in Nagelkerke's R² ≤ δ (0.05): the same formula with S = R²cs / (R²cs + δ·max R²cs),
 *         max R²cs = 1 − (φ^φ·(1 − φ)^(1−φ))²;
 *   (iii) the overall risk within ±margin (0.05) with 95% confidence: n = (z₀.₉₇₅/margin)²·φ(1 − φ).
 * The required n is the largest, each rounded up (as R's pmsampsize, whose documented example — R²cs 0.288, 24
 * parameters, prevalence 0.174 → 623, 662, 221, so 662 — the tests reproduce).
 * Multinomial (Pate et al.): criteria (i) and (ii) for each of the K(K − 1)/2 pairwise logistic submodels, with φ the
 * share of the higher class within the pair, divided by the pair's share of all patients; (iii) for every class.
 */
export interface RileyCriteria {
  shrinkage?: number;
  delta?: number;
  margin?: number;
}

export interface BinarySampleSize {
  /** Unrounded sample sizes of criteria i, ii, iii. */
  criterion1: number;
  criterion2: number;
  criterion3: number;
  /** max R²cs for the prevalence, and the shrinkage that criterion ii implies. */
  maxR2cs: number;
  shrinkageForOptimism: number;
  /** Required n: the largest criterion, rounded up. */
  n: number;
  /** Events expected at that n, and events per candidate parameter. */
  events: number;
  eventsPerParameter: number;
}

function check(name: string, value: number, lo: number, hi: number): void {
  if (!(value > lo && value < hi)) throw new RangeError(`${name} must be in (${lo}, ${hi}), not ${value}`);
}

function byShrinkage(parameters: number, r2cs: number, s: number): number {
  return parameters / ((s - 1) * Math.log(1 - r2cs / s));
}

export function rileyBinary(
  {r2cs, parameters, prevalence}: {r2cs: number; parameters: number; prevalence: number},
  {shrinkage = 0.9, delta = 0.05, margin = 0.05}: RileyCriteria = {},
): BinarySampleSize {
  check("prevalence", prevalence, 0, 1);
  check("shrinkage", shrinkage, 0, 1);
  check("margin", margin, 0, 1);
  if (!(Number.isInteger(parameters) && parameters >= 1))
    throw new RangeError(`parameters must be an integer ≥ 1, not ${parameters}`);
  const maxR2cs = 1 - (prevalence ** prevalence * (1 - prevalence) ** (1 - prevalence)) ** 2;
  if (!(r2cs > 0 && r2cs < Math.min(maxR2cs, shrinkage))) {
    throw new RangeError(
      `the anticipated Cox–Snell R² must be in (0, ${Math.min(maxR2cs, shrinkage).toFixed(4)}), not ${r2cs}`,
    );
  }
  const criterion1 = byShrinkage(parameters, r2cs, shrinkage);
  const shrinkageForOptimism = r2cs / (r2cs + delta * maxR2cs);
  const criterion2 = byShrinkage(parameters, r2cs, shrinkageForOptimism);
  const criterion3 = (normalQuantile(0.975) / margin) ** 2 * prevalence * (1 - prevalence);
  const n = Math.max(Math.ceil(criterion1), Math.ceil(criterion2), Math.ceil(criterion3));
  const events = n * prevalence;
  return {
    criterion1,
    criterion2,
    criterion3,
    maxR2cs,
    shrinkageForOptimism,
    n,
    events,
    eventsPerParameter: events / parameters,
  };
}

export interface MultinomialSampleSize {
  /** Unrounded: the largest pairwise requirement of criteria i and ii (scaled to all patients), and of iii. */
  criterion1: number;
  criterion2: number;
  criterion3: number;
  n: number;
  /** Per class pair (lower, higher class index): the pairwise binary calculation before scaling. */
  pairs: {lower: number; higher: number; share: number; result: BinarySampleSize}[];
}

/**
 * `proportions`: anticipated class proportions (summing to 1); `r2csPairs`: anticipated Cox–Snell R² of each pairwise
 * submodel in the order (0,1), (0,2), …, (0,K−1), (1,2), …; `parametersPerPair`: parameters of one submodel.
 */
export function rileyMultinomial(
  {
    proportions,
    r2csPairs,
    parametersPerPair,
  }: {proportions: readonly number[]; r2csPairs: readonly number[]; parametersPerPair: number},
  criteria: RileyCriteria = {},
): MultinomialSampleSize {
  const k = proportions.length;
  if (k < 2) throw new RangeError(`a multinomial outcome needs at least two classes, not ${k}`);
  for (const [i, p] of proportions.entries()) check(`proportions[${i}]`, p, 0, 1);
  const total = proportions.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > 1e-9) throw new RangeError(`proportions must sum to 1, not ${total}`);
  if (r2csPairs.length !== (k * (k - 1)) / 2) {
    throw new RangeError(`r2csPairs needs ${(k * (k - 1)) / 2} values (one per class pair), not ${r2csPairs.length}`);
  }
  const pairs: MultinomialSampleSize["pairs"] = [];
  let criterion1 = 0;
  let criterion2 = 0;
  let index = 0;
  for (let lo = 0; lo < k; lo++) {
    for (let hi = lo + 1; hi < k; hi++) {
      const share = (proportions[lo] as number) + (proportions[hi] as number);
      const result = rileyBinary(
        {
          r2cs: r2csPairs[index++] as number,
          parameters: parametersPerPair,
          prevalence: (proportions[hi] as number) / share,
        },
        criteria,
      );
      pairs.push({lower: lo, higher: hi, share, result});
      criterion1 = Math.max(criterion1, result.criterion1 / share);
      criterion2 = Math.max(criterion2, result.criterion2 / share);
    }
  }
  const margin = criteria.margin ?? 0.05;
  const z = normalQuantile(0.975);
  const criterion3 = Math.max(...proportions.map((p) => (z / margin) ** 2 * p * (1 - p)));
  const n = Math.max(Math.ceil(criterion1), Math.ceil(criterion2), Math.ceil(criterion3));
  return {criterion1, criterion2, criterion3, n, pairs};
}
