import {normalQuantile} from "./normal.js";

/**
 * Minimum sample size for developing a multinomial logistic regression model with K outcome categories, by Pate et
 * al. (Stat Methods Med Res 2023;32:555–71), as their R implementation computes it (`pmsampsize_mult_general(type =
 * "m", …)`, written to be merged into pmsampsize; the worked example of the paper, Section 5, in the same code).
 * P = candidate predictor parameters of ONE submodel, intercept excluded (pmsampsize's `parameters`); p_k = the
 * anticipated proportion of category k.
 *
 * (i) Shrinkage ≥ S (0.9) in every one of the K(K−1)/2 distinct pairwise logistic submodels (k, r), k < r, each
 *     with its own anticipated Cox–Snell R²_kr. The submodel is fitted on the patients of categories k and r only,
 *     a share p_kr = p_k + p_r of all patients, so
 *         m_kr = ⌈P / ((S − 1)·ln(1 − R²_kr/S))⌉      (pmsampsize's binary criterion 1, rounded up there),
 *         n_kr = m_kr / p_kr,      N_i = ⌈max n_kr⌉.
 * (ii) Optimism ≤ δ (0.05) in the OVERALL Nagelkerke R²: the binary criterion 2 applied to the whole multinomial
 *     model, with its (K − 1)·P parameters and its overall Cox–Snell R²_CS,
 *         max R²_CS = 1 − (Π_k p_k^p_k)²,   N_ii = ⌈(K − 1)·P / ((S₂ − 1)·ln(1 − R²_CS/S₂))⌉,
 *         S₂ = R²_CS / (R²_CS + δ·max R²_CS)      (so R²_CS/S₂ = R²_CS + δ·max R²_CS).
 * (iii) Each category's overall risk p_k estimated within ± margin (0.05) with simultaneous 95% confidence, a
 *     Bonferroni correction over the categories:
 *         N_iii = ⌈max_k χ²₁(1 − α/m)·p_k(1 − p_k)/margin²⌉,   χ²₁(1 − a) = z²(1 − a/2),
 *     with m = K comparisons (the paper: α/K). The R code writes the divisor as the literal 5 (the worked example has
 *     K = 5) whatever K is; `comparisons: 5` reproduces its output for another K (the tests do), the default follows
 *     the paper.
 * N = max(N_i, N_ii, N_iii).
 */
export interface MultinomialCriteria {
  /** Target shrinkage S of every pairwise submodel (criterion i). */
  shrinkage?: number;
  /** Largest acceptable optimism δ in the overall Nagelkerke R² (criterion ii). */
  delta?: number;
  /** Margin of error of each category's risk (criterion iii). */
  margin?: number;
  /** Family-wise error α of criterion iii, and how many comparisons Bonferroni divides it by (default K). */
  alpha?: number;
  comparisons?: number;
}

export interface PairRequirement {
  /** Category indices k < r (0-based). */
  lower: number;
  higher: number;
  /** p_kr = p_k + p_r, and φ = p_r/p_kr, the proportion of the higher category within the pair. */
  share: number;
  phi: number;
  r2cs: number;
  /** max R²_CS of the pair, 1 − (φ^φ(1 − φ)^(1−φ))², and the Nagelkerke R² = R²_CS/max. */
  maxR2cs: number;
  nagelkerke: number;
  /** m_kr (patients of the pair, rounded up) and n_kr = m_kr/p_kr (all patients). */
  pairPatients: number;
  patients: number;
}

export interface MultinomialSampleSize {
  /** N_i, N_ii, N_iii (each rounded up) and N, their maximum. */
  criterion1: number;
  criterion2: number;
  criterion3: number;
  n: number;
  /** The overall model: parameters (K − 1)·P, anticipated and maximum Cox–Snell R², S₂ of criterion ii. */
  overallParameters: number;
  r2csOverall: number;
  maxR2csOverall: number;
  shrinkageForOptimism: number;
  /** Bonferroni: the per-category error α/m of criterion iii. */
  alphaPerCategory: number;
  pairs: PairRequirement[];
  /** Patients expected in each category at N. */
  eventsExpected: number[];
}

function inOpen(name: string, value: number, lo: number, hi: number): void {
  if (!(value > lo && value < hi)) throw new RangeError(`${name} must be in (${lo}, ${hi}), not ${value}`);
}

/** max Cox–Snell R² of a model whose null model has proportions `p`: 1 − (Π p^p)² (= 1 − exp(2·lnL_null/n)). */
export function maxCoxSnell(proportions: readonly number[]): number {
  let logLik = 0;
  for (const p of proportions) if (p > 0) logLik += p * Math.log(p);
  return 1 - Math.exp(2 * logLik);
}

/** Riley's shrinkage formula: the n at which a model with `parameters` and Cox–Snell `r2cs` shrinks by `s`. */
function byShrinkage(parameters: number, r2cs: number, s: number): number {
  return parameters / ((s - 1) * Math.log(1 - r2cs / s));
}

/** Pairs (k, r), k < r, in R's `combn(K, 2)` order: (0,1), (0,2), …, (0,K−1), (1,2), … */
export function categoryPairs(k: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let lo = 0; lo < k; lo++) for (let hi = lo + 1; hi < k; hi++) pairs.push([lo, hi]);
  return pairs;
}

/**
 * `proportions`: anticipated category proportions (summing to 1); `r2csPairs`: anticipated Cox–Snell R² of each
 * pairwise submodel in `categoryPairs` order; `r2csOverall`: of the whole multinomial model; `parameters`: P.
 */
export function pateMultinomial(
  {
    proportions,
    r2csPairs,
    r2csOverall,
    parameters,
  }: {proportions: readonly number[]; r2csPairs: readonly number[]; r2csOverall: number; parameters: number},
  {shrinkage = 0.9, delta = 0.05, margin = 0.05, alpha = 0.05, comparisons}: MultinomialCriteria = {},
): MultinomialSampleSize {
  const k = proportions.length;
  if (k < 3) throw new RangeError(`a multinomial outcome needs at least three categories, not ${k}`);
  for (const [i, p] of proportions.entries()) inOpen(`proportions[${i}]`, p, 0, 1);
  const total = proportions.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > 1e-9) throw new RangeError(`proportions must sum to 1, not ${total}`);
  if (!(Number.isInteger(parameters) && parameters >= 1))
    throw new RangeError(`parameters must be an integer ≥ 1, not ${parameters}`);
  inOpen("shrinkage", shrinkage, 0, 1);
  inOpen("delta", delta, 0, 1);
  inOpen("margin", margin, 0, 1);
  inOpen("alpha", alpha, 0, 1);
  const m = comparisons ?? k;
  if (!(Number.isInteger(m) && m >= 1)) throw new RangeError(`comparisons must be an integer ≥ 1, not ${m}`);
  const pairIndex = categoryPairs(k);
  if (r2csPairs.length !== pairIndex.length) {
    throw new RangeError(`r2csPairs needs ${pairIndex.length} values (one per category pair), not ${r2csPairs.length}`);
  }

  // (i) every pairwise submodel, scaled from its own patients to all patients.
  const pairs = pairIndex.map(([lo, hi], i): PairRequirement => {
    const pLo = proportions[lo] as number;
    const pHi = proportions[hi] as number;
    const share = pLo + pHi;
    const phi = pHi / share;
    const r2cs = r2csPairs[i] as number;
    const maxR2cs = maxCoxSnell([phi, 1 - phi]);
    if (!(r2cs > 0 && r2cs < Math.min(maxR2cs, shrinkage))) {
      throw new RangeError(
        `the Cox–Snell R² of pair (${lo}, ${hi}) must be in (0, ${Math.min(maxR2cs, shrinkage).toFixed(4)}), not ${r2cs}`,
      );
    }
    const pairPatients = Math.ceil(byShrinkage(parameters, r2cs, shrinkage));
    return {
      lower: lo,
      higher: hi,
      share,
      phi,
      r2cs,
      maxR2cs,
      nagelkerke: r2cs / maxR2cs,
      pairPatients,
      patients: pairPatients / share,
    };
  });
  const criterion1 = Math.ceil(Math.max(...pairs.map((p) => p.patients)));

  // (ii) the overall model's Nagelkerke R², with all (K − 1)·P parameters.
  const maxR2csOverall = maxCoxSnell(proportions);
  if (!(r2csOverall > 0 && r2csOverall < maxR2csOverall)) {
    throw new RangeError(`the overall Cox–Snell R² must be in (0, ${maxR2csOverall.toFixed(4)}), not ${r2csOverall}`);
  }
  const overallParameters = (k - 1) * parameters;
  const shrinkageForOptimism = r2csOverall / (r2csOverall + delta * maxR2csOverall);
  const criterion2 = Math.ceil(byShrinkage(overallParameters, r2csOverall, shrinkageForOptimism));

  // (iii) every category's risk, Bonferroni over m comparisons: χ²₁(1 − α/m) = z(1 − α/(2m))².
  const alphaPerCategory = alpha / m;
  const chi2 = normalQuantile(1 - alphaPerCategory / 2) ** 2;
  const criterion3 = Math.ceil(Math.max(...proportions.map((p) => (chi2 * p * (1 - p)) / margin ** 2)));

  const n = Math.max(criterion1, criterion2, criterion3);
  return {
    criterion1,
    criterion2,
    criterion3,
    n,
    overallParameters,
    r2csOverall,
    maxR2csOverall,
    shrinkageForOptimism,
    alphaPerCategory,
    pairs,
    eventsExpected: proportions.map((p) => n * p),
  };
}
