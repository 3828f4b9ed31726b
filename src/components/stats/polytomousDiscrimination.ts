/**
 * The polytomous discrimination index (Van Calster et al., Eur J Epidemiol 2012), with ties as Dover et al. (Stat
 * Med 2021) count them — what R's mcca::pdi(y, p, method = "prob") computes. For class i: over every set of one
 * patient from each class, the share in which the class-i patient has the highest P(class i) of the set (a tie with
 * t others counts 1/(1 + t)); the PDI is the mean over classes. Chance is 1/K. For each class-i value v of P(i), with
 * below_j and tied_j the class-j patients under and at v, a class-i patient at v wins
 * Σ over subsets S of the other classes of ∏_{j∈S} tied_j · ∏_{j∉S} below_j / (1 + |S|) of the sets, so the whole
 * index takes O(K² n log n + K 2^(K−1) n) instead of the product of the class sizes.
 * Null when a class has no patient.
 */
export interface PolytomousDiscrimination {
  pdi: number | null;
  /** Per class, the share described above (null when a class is empty). */
  components: Array<number | null>;
}

export function polytomousDiscrimination(
  labels: ArrayLike<number>,
  probabilities: ReadonlyArray<ArrayLike<number>>,
  classes: number,
): PolytomousDiscrimination {
  const n = labels.length;
  if (probabilities.length !== n)
    throw new RangeError(`polytomousDiscrimination: ${n} labels, ${probabilities.length} rows`);
  const counts = new Array<number>(classes).fill(0);
  for (let r = 0; r < n; r++) {
    const y = labels[r] as number;
    if (!(Number.isInteger(y) && y >= 0 && y < classes))
      throw new RangeError(`polytomousDiscrimination: label ${y} at row ${r + 1}`);
    counts[y] = (counts[y] as number) + 1;
    for (let k = 0; k < classes; k++)
      if (!Number.isFinite(probabilities[r]?.[k]))
        throw new RangeError(`polytomousDiscrimination: row ${r + 1}, class ${k}`);
  }
  if (counts.some((c) => c === 0)) return {pdi: null, components: counts.map(() => null)};
  const sets = counts.reduce((a, b) => a * b, 1);
  const components = Array.from({length: classes}, (_, i) => componentOf(i, labels, probabilities, classes) / sets);
  return {pdi: components.reduce((a, b) => a + b, 0) / classes, components};
}

/** Σ over class-i patients of the (fractional) number of sets in which the patient's P(i) is the highest. */
function componentOf(
  i: number,
  labels: ArrayLike<number>,
  probabilities: ReadonlyArray<ArrayLike<number>>,
  classes: number,
): number {
  const order = Array.from({length: labels.length}, (_, r) => r).sort(
    (a, b) => (probabilities[a]?.[i] as number) - (probabilities[b]?.[i] as number),
  );
  const others = Array.from({length: classes}, (_, k) => k).filter((k) => k !== i);
  const below = new Array<number>(classes).fill(0);
  let total = 0;
  for (let start = 0; start < order.length; ) {
    const v = probabilities[order[start] as number]?.[i] as number;
    let end = start;
    const tied = new Array<number>(classes).fill(0);
    while (end < order.length && probabilities[order[end] as number]?.[i] === v) {
      const y = labels[order[end] as number] as number;
      tied[y] = (tied[y] as number) + 1;
      end++;
    }
    if ((tied[i] as number) > 0) {
      let wins = 0;
      for (let mask = 0; mask < 1 << others.length; mask++) {
        let product = 1;
        let size = 0;
        others.forEach((j, b) => {
          if (mask & (1 << b)) {
            product *= tied[j] as number;
            size++;
          } else product *= below[j] as number;
        });
        wins += product / (1 + size);
      }
      total += (tied[i] as number) * wins;
    }
    for (let k = 0; k < classes; k++) below[k] = (below[k] as number) + (tied[k] as number);
    start = end;
  }
  return total;
}
