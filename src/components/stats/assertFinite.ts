/**
 * Throws a RangeError naming the first non-finite entry (NaN, ±Infinity, or a non-number) of `values`.
 * Every statistic in this folder calls it on its numeric inputs, so a NaN never propagates silently.
 */
export function assertFinite(values: ArrayLike<number>, name: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RangeError(`${name}[${i}] must be a finite number, not ${String(v)}`);
    }
  }
}

/** Throws a RangeError naming the first entry of `outcome` that is not 0/1 (or false/true). */
export function assertBinary(outcome: ArrayLike<number | boolean>, name: string): void {
  for (let i = 0; i < outcome.length; i++) {
    const v = outcome[i];
    if (v !== 0 && v !== 1 && v !== true && v !== false) {
      throw new RangeError(`${name}[${i}] must be 0 or 1 (or a boolean), not ${String(v)}`);
    }
  }
}

/** Throws a RangeError unless `a` and `b` have the same length. */
export function assertSameLength(a: ArrayLike<unknown>, b: ArrayLike<unknown>, names: string): void {
  if (a.length !== b.length)
    throw new RangeError(`${names} must have the same length, not ${a.length} and ${b.length}`);
}
