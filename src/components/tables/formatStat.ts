/**
 * Number formats shared by pages and tests, so a value on a page can be compared with metrics.json:
 * a statistic such as Mann–Whitney W in full precision (integers stay integers), a p-value to 4 significant digits.
 */
export function formatW(w: number): string {
  // String() is the shortest round-trip form: integers print as integers, ties (W = k + ½) keep their half.
  return String(w);
}

/** p to 4 significant digits in plain notation down to 1e-4, exponent notation below ("3.142e-7"). */
export function formatP(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return "n/a";
  if (p === 0) return "0";
  return p < 1e-4 ? p.toExponential(3) : String(Number(p.toPrecision(4)));
}
