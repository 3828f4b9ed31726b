import {assertSameLength} from "./assertFinite.js";
import {checkLevel} from "./delong.js";
import {quantileSorted} from "./quantile.js";
import {createRng} from "./random.js";

/**
 * ΔNB = NB(score1) − NB(score2) at each threshold t, for two models scored on the same subjects, with NB = TP/n −
 * FP/n · t/(1 − t) (Vickers & Elkin 2006; a subject is treated when its score ≥ t, as decisionCurve.ts). The interval
 * and p-value come from one paired bootstrap that resamples subjects with replacement, unstratified, so prevalence
 * varies as it would in a new sample: the percentile interval of the replicate differences, and the two-sided
 * percentile p-value 2·min(P*(Δ ≤ 0), P*(Δ ≥ 0)), capped at 1 (the smallest p it can give is 2/replicates).
 * Replicates are seeded. Empty input or NaN → RangeError.
 */
export interface NetBenefitTest {
  threshold: number;
  difference: number;
  ci: [number, number];
  p: number;
}

export function pairedNetBenefitTest(
  outcome: ArrayLike<number | boolean>,
  score1: ArrayLike<number>,
  score2: ArrayLike<number>,
  thresholds: readonly number[],
  {replicates, seed, ciLevel}: {replicates: number; seed: number; ciLevel: number},
): NetBenefitTest[] {
  checkLevel(ciLevel);
  assertSameLength(outcome, score1, "outcome and score1");
  assertSameLength(score1, score2, "score1 and score2");
  const n = outcome.length;
  if (n === 0) throw new RangeError("pairedNetBenefitTest: expected at least one subject, got none");
  if (!(Number.isInteger(replicates) && replicates >= 1))
    throw new RangeError(`pairedNetBenefitTest: expected replicates ≥ 1, got ${replicates}`);
  for (const t of thresholds)
    if (!(t > 0 && t < 1)) throw new RangeError(`pairedNetBenefitTest: expected thresholds in (0, 1), got ${t}`);
  const y = Uint8Array.from({length: n}, (_, i) => (outcome[i] ? 1 : 0));
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(score1[i]) || Number.isNaN(score2[i]))
      throw new RangeError(`pairedNetBenefitTest: score of subject ${i} is NaN`);
  }
  const counts = new Float64Array(n);
  const delta = (t: number, w: Float64Array | null): number => {
    const odds = t / (1 - t);
    let nb = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const c = w ? (w[i] as number) : 1;
      total += c;
      const treat1 = (score1[i] as number) >= t ? 1 : 0;
      const treat2 = (score2[i] as number) >= t ? 1 : 0;
      if (treat1 === treat2) continue;
      // Only subjects treated by one model and not the other change ΔNB.
      nb += c * (treat1 - treat2) * (y[i] ? 1 : -odds);
    }
    return nb / total;
  };
  const rng = createRng(seed);
  const draws = thresholds.map(() => new Float64Array(replicates));
  for (let r = 0; r < replicates; r++) {
    counts.fill(0);
    for (let k = 0; k < n; k++) {
      const i = rng.int(n);
      counts[i] = (counts[i] as number) + 1;
    }
    thresholds.forEach((t, j) => {
      (draws[j] as Float64Array)[r] = delta(t, counts);
    });
  }
  const alpha = (1 - ciLevel) / 2;
  return thresholds.map((threshold, j) => {
    const sorted = (draws[j] as Float64Array).slice().sort();
    let below = 0;
    let above = 0;
    for (const d of sorted) {
      if (d <= 0) below++;
      if (d >= 0) above++;
    }
    return {
      threshold,
      difference: delta(threshold, null),
      ci: [quantileSorted(sorted, alpha) as number, quantileSorted(sorted, 1 - alpha) as number],
      p: Math.min(1, (2 * Math.min(below, above)) / replicates),
    };
  });
}
