/**
 * Holm's step-down adjustment of p-values for multiple comparisons (family-wise error), exactly R
 * `p.adjust(p, method = "holm")`: with the m non-missing p-values in ascending order p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted
 * p₍ᵢ₎ is min(1, max_{j ≤ i} (m − j + 1)·p₍ⱼ₎). Missing entries (null) stay null and do not count in m, as in R.
 * Order and length are preserved. A NaN or a value outside [0, 1] → RangeError naming the index.
 */
export function holm(p: readonly (number | null)[]): (number | null)[] {
  const present: number[] = [];
  p.forEach((v, i) => {
    if (v === null) return;
    if (typeof v !== "number" || !(v >= 0 && v <= 1))
      throw new RangeError(`p[${i}] must be a p-value in [0, 1], not ${String(v)}`);
    present.push(i);
  });
  // Stable ascending order, so tied p-values keep input order as R's order() does.
  present.sort((a, b) => (p[a] as number) - (p[b] as number) || a - b);
  const m = present.length;
  const out: (number | null)[] = p.map(() => null);
  let running = 0;
  present.forEach((idx, j) => {
    running = Math.max(running, Math.min(1, (m - j) * (p[idx] as number)));
    out[idx] = running;
  });
  return out;
}
