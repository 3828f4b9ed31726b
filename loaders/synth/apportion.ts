import type {Rng} from "../../src/components/stats/random.js";

/**
 * Largest-remainder (Hamilton) apportionment: splits `total` items across categories in proportion to `weights`, so
 * the counts sum exactly to `total` and each differs from its exact quota by less than one. Ties in the remainders go
 * to the earlier category, so the result is deterministic.
 */
export function apportion(weights: readonly number[], total: number): number[] {
  if (!Number.isInteger(total) || total < 0)
    throw new RangeError(`apportion: total must be an integer ≥ 0, not ${total}`);
  if (weights.length === 0 || !weights.every((w) => Number.isFinite(w) && w >= 0)) {
    throw new RangeError(`apportion: weights must be finite and ≥ 0, not [${weights.join(", ")}]`);
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new RangeError("apportion: weights must not all be zero");
  const quotas = weights.map((w) => (w / sum) * total);
  const counts = quotas.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => ({i, r: q - Math.floor(q)})).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const {i} of order) {
    if (left === 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}

/** Fisher–Yates shuffle into a new array (the input is not mutated). */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = out[i] as T;
    out[i] = out[j] as T;
    out[j] = t;
  }
  return out;
}

/** One category index per item, with exactly `counts[c]` items in category c, in a seeded random order. */
export function shuffledCategories(counts: readonly number[], rng: Rng): number[] {
  const list = counts.flatMap((n, c) => Array.from({length: n}, () => c));
  return shuffle(list, rng);
}

/**
 * Category per item with exact counts, rank-linked to a score: items are sorted by score + noiseSd·N(0,1) and the
 * categories handed out in order (lowest score → first category). noiseSd = 0 gives a perfect rank correlation,
 * a large noiseSd makes the assignment nearly independent of the score. This is how clinical variables get a
 * prescribed marginal distribution AND a controlled association with response.
 */
export function rankLinkedCategories(
  counts: readonly number[],
  scores: readonly number[],
  noiseSd: number,
  rng: Rng,
): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total !== scores.length) {
    throw new RangeError(`rankLinkedCategories: counts sum to ${total}, expected one per score (${scores.length})`);
  }
  const keyed = scores.map((s, i) => ({i, key: s + noiseSd * rng.normal()}));
  keyed.sort((a, b) => a.key - b.key || a.i - b.i);
  const out = new Array<number>(scores.length).fill(0);
  let at = 0;
  counts.forEach((n, c) => {
    for (let k = 0; k < n; k++) out[(keyed[at++] as {i: number}).i] = c;
  });
  return out;
}
