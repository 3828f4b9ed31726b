/**
 * Objective response (mRECIST CR or PR) from a 4-class probability vector ordered [CR, PR, SD, PD]:
 * score = P(CR) + P(PR), outcome = 1 when the true class is CR or PR.
 * `responderClasses` are the class indices that count as response (default [0, 1]).
 */
export function objectiveResponse(
  truth: ArrayLike<number>,
  probabilities: ReadonlyArray<ArrayLike<number>>,
  responderClasses: readonly number[] = [0, 1],
): {outcome: Uint8Array; score: Float64Array} {
  if (truth.length !== probabilities.length) {
    throw new RangeError(
      `truth and probabilities must have the same length, not ${truth.length} and ${probabilities.length}`,
    );
  }
  const outcome = new Uint8Array(truth.length);
  const score = new Float64Array(truth.length);
  for (let i = 0; i < truth.length; i++) {
    outcome[i] = responderClasses.includes(truth[i] as number) ? 1 : 0;
    const p = probabilities[i] as ArrayLike<number>;
    let s = 0;
    for (const c of responderClasses) {
      const v = p[c];
      if (typeof v !== "number" || !Number.isFinite(v))
        throw new RangeError(`probabilities[${i}][${c}] must be a finite number, not ${String(v)}`);
      s += v;
    }
    score[i] = s;
  }
  return {outcome, score};
}

/**
 * Groups vectors by key (first-seen order) and averages them component-wise: the patient-level probability vector
 * is the mean of the patient's patch vectors. Returns, per group, the key, the mean vector, the count and the index
 * of its first member. Empty input → empty groups. Vectors of unequal length or NaN → RangeError naming the index.
 */
export function meanByGroup(
  keys: ArrayLike<string>,
  vectors: ReadonlyArray<ArrayLike<number>>,
): Array<{key: string; mean: number[]; count: number; first: number}> {
  if (keys.length !== vectors.length) throw new RangeError("keys and vectors must have the same length");
  const groups = new Map<string, {key: string; sum: number[]; count: number; first: number}>();
  const width = vectors.length > 0 ? (vectors[0] as ArrayLike<number>).length : 0;
  for (let i = 0; i < keys.length; i++) {
    const v = vectors[i] as ArrayLike<number>;
    if (v.length !== width) throw new RangeError(`vectors[${i}] has ${v.length} entries, expected ${width}`);
    const key = keys[i] as string;
    let g = groups.get(key);
    if (!g) {
      g = {key, sum: new Array<number>(width).fill(0), count: 0, first: i};
      groups.set(key, g);
    }
    for (let j = 0; j < width; j++) {
      const x = v[j] as number;
      if (!Number.isFinite(x)) throw new RangeError(`vectors[${i}][${j}] must be a finite number, not ${x}`);
      g.sum[j] = (g.sum[j] as number) + x;
    }
    g.count++;
  }
  return [...groups.values()].map((g) => ({
    key: g.key,
    mean: g.sum.map((s) => s / g.count),
    count: g.count,
    first: g.first,
  }));
}
