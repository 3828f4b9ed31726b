import {normalQuantile} from "./normal.js";

/**
 * Minimum sample size for developing a prediction model with a binary outcome, by Riley et al. (BMJ
 * 2020;368:m441; Stat Med 2019;38:1276–96). With P candidate parameters, anticipated Cox–Snell R² (R²cs) and outcome proportion φ:
 *   (i)   expected uniform shrinkage ≥ S (0.9):  n = P / ((S − 1)·ln(1 − R²cs/S));
 *   (ii)  optimism in Nagelkerke's R² ≤ δ (0.05): the same formula with S = R²cs / (R²cs + δ·max R²cs),
 *         max R²cs = 1 − (φ^φ·(1 − φ)^(1−φ))²;
 *   (iii) the overall risk within ±margin (0.05) with 95% confidence: n = (z₀.₉₇₅/margin)²·φ(1 − φ).
 * The required n is the largest, each rounded up (as R's pmsampsize, whose documented example — R²cs 0.288, 24
 * parameters, prevalence 0.174 → 623, 662, 221, so 662 — the tests reproduce).
 * The multinomial extension (Pate et al.) is multinomialSampleSize.ts.
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
