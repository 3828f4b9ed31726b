import {assertBinary, assertFinite, assertSameLength} from "./assertFinite.js";
import {checkLevel} from "./delong.js";
import {quantileSorted} from "./quantile.js";
import {createRng} from "./random.js";
import {sortedOrder} from "./rank.js";
import {clusterDesign, drawWeights, itemDesign, type ResampleDesign} from "./resample.js";

export interface DecisionCurveOptions {
  /** Threshold probabilities; default `thresholdGrid(step)`. Each must lie in (0, 1). */
  thresholds?: readonly number[];
  /** Step of the default grid 0.01, 0.01 + step, …, ≤ 0.99 (default 0.01). */
  step?: number;
  /** Bootstrap replicates for the CI band; 0 (default) = no band. */
  bootstrap?: number;
  seed?: number;
  ciLevel?: number;
  /** Optional cluster (patient) of each item: the band then resamples clusters (patients) instead of items. */
  clusters?: ArrayLike<string | number>;
}

// A type alias, not an interface, so a list of points is a table's rows (`Record<string, unknown>`) as it stands.
export type DecisionPoint = {
  threshold: number;
  /** TP/n − FP/n · pt/(1 − pt), treating items with score ≥ pt. */
  netBenefit: number;
  /** Net benefit of treating everyone: prevalence − (1 − prevalence)·pt/(1 − pt). */
  treatAll: number;
  /** Always 0. */
  treatNone: number;
  /** Net reduction in interventions per 100 patients: (NB − NB_all)/(pt/(1 − pt))·100. */
  interventionsAvoided: number;
  /** Bootstrap percentile band (type 7) of the net benefit, when requested. */
  ci?: [number, number];
};

/** 0.01, 0.01 + step, … up to 0.99 inclusive (each rounded to 12 decimals to avoid drift). */
export function thresholdGrid(step = 0.01, from = 0.01, to = 0.99): number[] {
  if (!(step > 0)) throw new RangeError(`threshold step must be > 0, not ${step}`);
  const out: number[] = [];
  for (let i = 0; ; i++) {
    const t = Math.round((from + i * step) * 1e12) / 1e12;
    if (t > to + 1e-12) break;
    out.push(t);
  }
  return out;
}

/** Sorted scores with suffix sums of weighted cases/controls, evaluated at fixed thresholds. */
interface NbKernel {
  order: Uint32Array;
  isCase: Uint8Array;
  /** first[t] = first position in `order` whose score is ≥ thresholds[t]. */
  first: Uint32Array;
  thresholds: readonly number[];
}

function nbKernel(
  outcome: ArrayLike<number | boolean>,
  score: ArrayLike<number>,
  thresholds: readonly number[],
): NbKernel {
  const order = sortedOrder(score);
  const isCase = new Uint8Array(score.length);
  for (let i = 0; i < score.length; i++) isCase[i] = outcome[i] === 1 || outcome[i] === true ? 1 : 0;
  const first = new Uint32Array(thresholds.length);
  thresholds.forEach((t, k) => {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((score[order[mid] as number] as number) >= t) hi = mid;
      else lo = mid + 1;
    }
    first[k] = lo;
  });
  return {order, isCase, first, thresholds};
}

/** Net benefit at every threshold for item weights (n = total weight); writes into `out`. */
function netBenefits(kernel: NbKernel, weights: Float64Array | null, out: Float64Array): void {
  const {order, isCase, first, thresholds} = kernel;
  const size = order.length;
  // suffix sums over the sorted order: positives at threshold t are positions ≥ first[t]
  const tpAt = new Float64Array(size + 1);
  const fpAt = new Float64Array(size + 1);
  for (let p = size - 1; p >= 0; p--) {
    const i = order[p] as number;
    const w = weights ? (weights[i] as number) : 1;
    tpAt[p] = (tpAt[p + 1] as number) + (isCase[i] === 1 ? w : 0);
    fpAt[p] = (fpAt[p + 1] as number) + (isCase[i] === 1 ? 0 : w);
  }
  const n = (tpAt[0] as number) + (fpAt[0] as number);
  for (let k = 0; k < thresholds.length; k++) {
    const pt = thresholds[k] as number;
    const f = first[k] as number;
    out[k] = (tpAt[f] as number) / n - ((fpAt[f] as number) / n) * (pt / (1 - pt));
  }
}

function validate(outcome: ArrayLike<number | boolean>, score: ArrayLike<number>, thresholds: readonly number[]): void {
  assertSameLength(outcome, score, "outcome and score");
  assertBinary(outcome, "outcome");
  assertFinite(score, "score");
  thresholds.forEach((t, i) => {
    if (!(t > 0 && t < 1)) throw new RangeError(`thresholds[${i}] must be in (0, 1), not ${t}`);
  });
}

function bandOf(
  kernels: NbKernel[],
  combine: (values: Float64Array[]) => Float64Array,
  design: ResampleDesign,
  replicates: number,
  seed: number,
  ciLevel: number,
): Array<[number, number]> {
  const T = (kernels[0] as NbKernel).thresholds.length;
  const rng = createRng(seed);
  const weights = new Float64Array(design.size);
  const counts = new Uint32Array(design.clusterCount);
  const samples = Array.from({length: T}, () => new Float64Array(replicates));
  const buffers = kernels.map(() => new Float64Array(T));
  for (let r = 0; r < replicates; r++) {
    drawWeights(design, rng, weights, counts);
    kernels.forEach((k, i) => {
      netBenefits(k, weights, buffers[i] as Float64Array);
    });
    const v = combine(buffers);
    for (let t = 0; t < T; t++) (samples[t] as Float64Array)[r] = v[t] as number;
  }
  const alpha = (1 - ciLevel) / 2;
  return samples.map((s) => {
    s.sort();
    return [quantileSorted(s, alpha) as number, quantileSorted(s, 1 - alpha) as number];
  });
}

/**
 * One stratum: the band resamples items (or clusters) without regard to outcome, so the prevalence varies between
 * replicates as it would in a new sample. Net benefit depends on the prevalence directly, so a band stratified by
 * outcome (as the AUC's is) would fix it and come out too narrow.
 */
function designFor(outcome: ArrayLike<number | boolean>, clusters?: ArrayLike<string | number>): ResampleDesign {
  const strata = new Uint8Array(outcome.length);
  if (!clusters) return itemDesign(strata);
  assertSameLength(outcome, clusters, "outcome and clusters");
  return clusterDesign(clusters, strata);
}

/**
 * Decision curve (Vickers & Elkin 2006): net benefit of the model (treat when score ≥ pt), of treat-all and of
 * treat-none at each threshold probability pt, with interventions avoided per 100 and an optional seeded bootstrap
 * band (resampling items, or clusters when `clusters` is given, unstratified so the prevalence varies). Empty input → []. A single class is
 * fine (prevalence 0 or 1). NaN → RangeError naming the index.
 */
export function decisionCurve(
  outcome: ArrayLike<number | boolean>,
  score: ArrayLike<number>,
  options: DecisionCurveOptions = {},
): DecisionPoint[] {
  const thresholds = options.thresholds ?? thresholdGrid(options.step);
  validate(outcome, score, thresholds);
  const n = score.length;
  if (n === 0) return [];
  const kernel = nbKernel(outcome, score, thresholds);
  const nb = new Float64Array(thresholds.length);
  netBenefits(kernel, null, nb);
  let cases = 0;
  for (let i = 0; i < n; i++) cases += kernel.isCase[i] as number;
  const prevalence = cases / n;
  const {bootstrap = 0, seed = 1, ciLevel = 0.95} = options;
  checkLevel(ciLevel);
  const band =
    bootstrap > 0
      ? bandOf([kernel], (v) => v[0] as Float64Array, designFor(outcome, options.clusters), bootstrap, seed, ciLevel)
      : null;
  return thresholds.map((pt, k) => {
    const odds = pt / (1 - pt);
    const treatAll = prevalence - (1 - prevalence) * odds;
    const netBenefit = nb[k] as number;
    const point: DecisionPoint = {
      threshold: pt,
      netBenefit,
      treatAll,
      treatNone: 0,
      interventionsAvoided: ((netBenefit - treatAll) / odds) * 100,
    };
    if (band) point.ci = band[k] as [number, number];
    return point;
  });
}

export interface NetBenefitDifference {
  threshold: number;
  /** NB(score1) − NB(score2). */
  difference: number;
  ci?: [number, number];
}

/** ΔNB between two models scored on the same items, with a paired bootstrap band (same resample for both). */
export function netBenefitDifference(
  outcome: ArrayLike<number | boolean>,
  score1: ArrayLike<number>,
  score2: ArrayLike<number>,
  options: DecisionCurveOptions = {},
): NetBenefitDifference[] {
  const thresholds = options.thresholds ?? thresholdGrid(options.step);
  validate(outcome, score1, thresholds);
  validate(outcome, score2, thresholds);
  if (score1.length === 0) return [];
  const k1 = nbKernel(outcome, score1, thresholds);
  const k2 = nbKernel(outcome, score2, thresholds);
  const a = new Float64Array(thresholds.length);
  const b = new Float64Array(thresholds.length);
  netBenefits(k1, null, a);
  netBenefits(k2, null, b);
  const {bootstrap = 0, seed = 1, ciLevel = 0.95} = options;
  checkLevel(ciLevel);
  const diff = (v: Float64Array[]) => (v[0] as Float64Array).map((x, i) => x - ((v[1] as Float64Array)[i] as number));
  const band =
    bootstrap > 0 ? bandOf([k1, k2], diff, designFor(outcome, options.clusters), bootstrap, seed, ciLevel) : null;
  return thresholds.map((threshold, k) => {
    const point: NetBenefitDifference = {threshold, difference: (a[k] as number) - (b[k] as number)};
    if (band) point.ci = band[k] as [number, number];
    return point;
  });
}
