import {normalQuantile} from "./normal.js";

/**
 * Minimum sample size for externally validating a prediction model of a binary outcome, by Riley et al. (Stat Med
 * 2021;40:4230–51), as R's pmvalsampsize 0.1.0 computes it (`pmvalsampsize(type = "b", …)`). φ = the anticipated
 * outcome prevalence in the validation sample; the model is assumed calibrated there (intercept 0, slope 1), z = 1.96
 * as the package writes it. Each criterion asks for a 95% confidence interval no wider than a target:
 *
 * (1) O/E (observed/expected events), interval width w_OE (0.2) around the anticipated O/E:
 *       SE(ln O/E) is the first multiple of 0.0001 at which O/E·(e^{1.96·SE} − e^{−1.96·SE}) ≥ w_OE (the package
 *       steps by 0.0001; its `oeseincrement`), and n₁ = ⌈(1 − φ)/(φ·SE²)⌉.
 * (2) Calibration slope, width w_slope (0.2): with LP the linear predictor in the validation population and
 *       p = expit(LP), the information matrix of the calibration model per patient is
 *       I₀₀ = E[p(1 − p)], I₀₁ = E[LP·p(1 − p)], I₁₁ = E[LP²·p(1 − p)], SE = w_slope/(2·1.96),
 *       n₂ = ⌈I₀₀ / (SE²·(I₀₀·I₁₁ − I₀₁²))⌉.
 *     The package estimates the expectations from 10⁶ simulated LP values; here they are integrals over the LP
 *     distribution (trapezoid rule on a normal density, exact to ~1e-12), so n₂ agrees with the package within its
 *     Monte-Carlo error, not to the unit.
 * (3) C-statistic, width w_C (0.1): the smallest n with 2·1.96·SE(C) ≤ w_C, where (Newcombe's variance)
 *       SE(C)² = C(1 − C)·(1 + (n/2 − 1)·(1 − C)/(2 − C) + (n/2 − 1)·C/(1 + C)) / (n²·φ(1 − φ)).
 * (4) Standardised net benefit sNB = NB/φ at a risk threshold t, width w_NB (0.2), when a threshold is given: with
 *       sensitivity Se and specificity Sp at t and w = ((1 − φ)/φ)·(t/(1 − t)),
 *       sNB = Se − w·(1 − Sp), SE = w_NB/(2·1.96) rounded to 3 decimals after the package's 0.0001 steps,
 *       n₄ = ⌈(Se(1 − Se)/φ + w²·Sp(1 − Sp)/(1 − φ) + w²·(1 − Sp)²/(φ(1 − φ))) / SE²⌉.
 *     Se and Sp are given, or follow from the LP distribution: Se = P(LP ≥ logit t | event), Sp = P(LP < logit t |
 *     non-event), events drawn with probability p (the package draws them, and rounds Se and Sp to 2 decimals).
 *
 * The LP distribution: normal with a given mean and SD (`lpnorm`), or "binormal" from C and φ alone — the LP of
 * non-events N(μ, v) and of events N(μ + v, v) with v = 2·Φ⁻¹(C)², which has C-statistic C; the package searches μ
 * by simulation until the simulated prevalence matches φ, while here μ = logit φ − v/2 exactly, the one value at
 * which LP is the calibrated log-odds (P(event | LP) = expit(LP)), so E[p] = φ.
 */
export type LinearPredictorDistribution = {kind: "normal"; mean: number; sd: number} | {kind: "binormal"};

export interface ValidationTargets {
  /** Anticipated O/E and the target widths of the four intervals. */
  oe?: number;
  oeCiWidth?: number;
  slopeCiWidth?: number;
  cstatCiWidth?: number;
  netBenefitCiWidth?: number;
  /** Risk threshold of the net-benefit criterion (none: criterion 4 not computed), and optionally Se and Sp there. */
  threshold?: number;
  sensitivity?: number;
  specificity?: number;
}

export interface ValidationSampleSize {
  /** n₁ (O/E), n₂ (calibration slope), n₃ (C-statistic), n₄ (net benefit, null without a threshold); n the largest. */
  oe: number;
  calibrationSlope: number;
  cStatistic: number;
  netBenefit: number | null;
  n: number;
  /** Events expected at n. */
  events: number;
  seLnOe: number;
  seCStatistic: number;
  /** Net-benefit inputs used (null without a threshold). */
  sensitivity: number | null;
  specificity: number | null;
  standardisedNetBenefit: number | null;
}

const Z = 1.96;
/** Quadrature step and range in standard-normal units (the density is below 1e-42 beyond ±ZMax). */
const Step = 1 / 64;
const ZMax = 14;

function inOpen(name: string, value: number, lo: number, hi: number): void {
  if (!(value > lo && value < hi)) throw new RangeError(`${name} must be in (${lo}, ${hi}), not ${value}`);
}

const expit = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * E[g(X)] for X ~ N(mean, sd²), or E[g(X)·1(X ≥ cut)] (1(X < cut) when `below`). Whole line: the trapezoid rule,
 * spectrally accurate for a smooth integrand under a normal density. Cut at a point: Simpson's rule from the cut
 * (error O(h⁴), ~1e-8 here), since an indicator inside the trapezoid sum would cost O(h).
 */
function normalExpectation(
  mean: number,
  sd: number,
  g: (x: number) => number,
  cut?: {at: number; below: boolean},
): number {
  const f = (z: number) => g(mean + sd * z) * Math.exp(-0.5 * z * z);
  let sum = 0;
  if (!cut) {
    const steps = Math.round((2 * ZMax) / Step);
    for (let i = 0; i <= steps; i++) sum += (i === 0 || i === steps ? 0.5 : 1) * f(-ZMax + i * Step);
    return (sum * Step) / Math.sqrt(2 * Math.PI);
  }
  const zCut = Math.min(ZMax, Math.max(-ZMax, (cut.at - mean) / sd));
  const [lo, hi] = cut.below ? [-ZMax, zCut] : [zCut, ZMax];
  if (hi <= lo) return 0;
  const panels = 2 * Math.ceil((hi - lo) / Step / 2);
  const h = (hi - lo) / panels;
  for (let i = 0; i <= panels; i++) sum += (i === 0 || i === panels ? 1 : i % 2 === 1 ? 4 : 2) * f(lo + i * h);
  return (sum * h) / 3 / Math.sqrt(2 * Math.PI);
}

/** The LP distribution as weighted normal components. */
function components(
  lp: LinearPredictorDistribution,
  prevalence: number,
  cstatistic: number,
): Array<{weight: number; mean: number; sd: number; event?: boolean}> {
  if (lp.kind === "normal") {
    if (!(Number.isFinite(lp.mean) && lp.sd > 0)) throw new RangeError(`LP normal needs a finite mean and sd > 0`);
    return [{weight: 1, mean: lp.mean, sd: lp.sd}];
  }
  const v = 2 * normalQuantile(cstatistic) ** 2;
  const mu = Math.log(prevalence / (1 - prevalence)) - v / 2;
  return [
    {weight: 1 - prevalence, mean: mu, sd: Math.sqrt(v), event: false},
    {weight: prevalence, mean: mu + v, sd: Math.sqrt(v), event: true},
  ];
}

function expectation(
  parts: ReturnType<typeof components>,
  g: (x: number) => number,
  cut?: {at: number; below: boolean},
): number {
  return parts.reduce((s, c) => s + c.weight * normalExpectation(c.mean, c.sd, g, cut), 0);
}

/** The package's search: the first multiple of `step` (accumulated as it adds them) at which width(se) ≥ target. */
function stepSe(target: number, width: (se: number) => number, step = 0.0001): number {
  let se = 0;
  let w = 0;
  while (w < target) {
    se += step;
    w = width(se);
  }
  return se;
}

function cStatisticSe2(c: number, n: number, prevalence: number): number {
  return (
    (c * (1 - c) * (1 + (n / 2 - 1) * ((1 - c) / (2 - c)) + ((n / 2 - 1) * c) / (1 + c))) /
    (n * n * prevalence * (1 - prevalence))
  );
}

export function rileyValidationBinary(
  {prevalence, cstatistic, lp}: {prevalence: number; cstatistic: number; lp: LinearPredictorDistribution},
  targets: ValidationTargets = {},
): ValidationSampleSize {
  const {oe = 1, oeCiWidth = 0.2, slopeCiWidth = 0.2, cstatCiWidth = 0.1, netBenefitCiWidth = 0.2} = targets;
  inOpen("prevalence", prevalence, 0, 1);
  inOpen("cstatistic", cstatistic, 0.5, 1);
  for (const [name, v] of Object.entries({oe, oeCiWidth, slopeCiWidth, cstatCiWidth, netBenefitCiWidth}))
    if (!(v > 0 && Number.isFinite(v))) throw new RangeError(`${name} must be a positive number, not ${v}`);

  // (1) O/E
  const seLnOe = stepSe(oeCiWidth, (se) => Math.exp(Math.log(oe) + Z * se) - Math.exp(Math.log(oe) - Z * se));
  const n1 = Math.ceil((1 - prevalence) / (prevalence * seLnOe ** 2));

  // (2) calibration slope
  const parts = components(lp, prevalence, cstatistic);
  const i00 = expectation(parts, (x) => expit(x) * (1 - expit(x)));
  const i01 = expectation(parts, (x) => x * expit(x) * (1 - expit(x)));
  const i11 = expectation(parts, (x) => x * x * expit(x) * (1 - expit(x)));
  const seSlope = slopeCiWidth / (2 * Z);
  const n2 = Math.ceil(i00 / (seSlope * seSlope * (i00 * i11 - i01 * i01)));

  // (3) C-statistic: the interval narrows as n grows, so bisect for the first n that meets the target.
  const fits = (n: number) => 2 * Z * Math.sqrt(cStatisticSe2(cstatistic, n, prevalence)) <= cstatCiWidth;
  let hi = 1;
  while (!fits(hi)) hi *= 2;
  let lo = Math.floor(hi / 2);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  const n3 = fits(lo) && lo >= 1 ? lo : hi;

  // (4) net benefit
  let n4: number | null = null;
  let sensitivity: number | null = null;
  let specificity: number | null = null;
  let standardisedNetBenefit: number | null = null;
  if (targets.threshold !== undefined) {
    const t = targets.threshold;
    inOpen("threshold", t, 0, 1);
    const cutAt = Math.log(t / (1 - t));
    const eventRate = expectation(parts, expit);
    // Derived proportions are clamped: quadrature may overshoot 1 in the last bits when the tail is empty.
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    sensitivity = targets.sensitivity ?? clamp(expectation(parts, expit, {at: cutAt, below: false}) / eventRate);
    specificity =
      targets.specificity ?? clamp(expectation(parts, (x) => 1 - expit(x), {at: cutAt, below: true}) / (1 - eventRate));
    for (const [name, v] of Object.entries({sensitivity, specificity}))
      if (!(v >= 0 && v <= 1)) throw new RangeError(`${name} must be in [0, 1], not ${v}`);
    const w = ((1 - prevalence) / prevalence) * (t / (1 - t));
    standardisedNetBenefit = sensitivity - w * (1 - specificity);
    const seNb = Math.round(stepSe(netBenefitCiWidth, (se) => 2 * Z * se) * 1000) / 1000;
    n4 = Math.ceil(
      ((sensitivity * (1 - sensitivity)) / prevalence +
        (w * w * specificity * (1 - specificity)) / (1 - prevalence) +
        (w * w * (1 - specificity) ** 2) / (prevalence * (1 - prevalence))) /
        seNb ** 2,
    );
  }
  const n = Math.max(n1, n2, n3, n4 ?? 0);
  return {
    oe: n1,
    calibrationSlope: n2,
    cStatistic: n3,
    netBenefit: n4,
    n,
    events: n * prevalence,
    seLnOe,
    seCStatistic: Math.sqrt(cStatisticSe2(cstatistic, n3, prevalence)),
    sensitivity,
    specificity,
    standardisedNetBenefit,
  };
}
