import {assertSameLength} from "../assertFinite.js";
import {chiSquareSurvival} from "../chiSquare.js";
import {cholesky, choleskySolve} from "../cholesky.js";
import {checkSurvival, type SurvivalTimes, timeOrder} from "./survivalData.js";

export interface LogRankGroup {
  /** The group's label, as given. */
  group: string | number;
  n: number;
  observed: number;
  expected: number;
}

export interface LogRank {
  /** One entry per distinct label: numbers ascending, strings in code-unit order (R sorts factor levels). */
  groups: LogRankGroup[];
  /** The k × k variance matrix of observed − expected (`survdiff(...)$var`). */
  variance: number[][];
  /** 0 when fewer than two groups have expected > 0 (R reports 0 too, and then has no test: p is null). */
  chisq: number;
  /** Groups with expected > 0, minus 1. */
  df: number;
  p: number | null;
}

/**
 * The log-rank test of equal survival in k ≥ 2 groups, as R `survdiff(Surv(time, event) ~ group)` (rho = 0): at each
 * event time the expected events of a group are deaths · atRisk_g / atRisk, the hypergeometric variance is summed,
 * and chisq = (O − E)ᵀ V⁻¹ (O − E) over the groups with expected > 0, the first of them dropped (V is singular).
 * Throws RangeError for bad data, a group array of another length, or a variance that cannot be inverted (R errors).
 */
export function logRank(data: SurvivalTimes, group: ArrayLike<string | number>): LogRank {
  const {time, event} = checkSurvival(data);
  assertSameLength(time, group, "data.time and group");
  const n = time.length;
  const labels = groupLabels(group);
  const k = labels.length;
  const index = new Map<string | number, number>(labels.map((g, i) => [g, i]));
  const g = Uint32Array.from({length: n}, (_, i) => index.get(group[i] as string | number) as number);
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) add(counts, g[i] as number, 1);
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = labels.map(() => new Array<number>(k).fill(0));
  const risk = new Array<number>(k).fill(0);
  // Walk backwards in time, as survdiff2.c does, so the risk sets build up by addition.
  const order = timeOrder(time);
  for (let i = n - 1; i >= 0; ) {
    const t = time[order[i] as number] as number;
    let deaths = 0;
    let j = i;
    for (; j >= 0 && time[order[j] as number] === t; j--) {
      const p = order[j] as number;
      add(risk, g[p] as number, 1);
      deaths += event[p] as number;
      add(observed, g[p] as number, event[p] as number);
    }
    const nRisk = n - j - 1;
    i = j;
    if (deaths === 0) continue;
    for (let a = 0; a < k; a++) add(expected, a, (deaths * (risk[a] as number)) / nRisk);
    if (nRisk === 1) continue; // a single subject at risk contributes no variance
    for (let a = 0; a < k; a++) {
      const row = variance[a] as number[];
      const tmp = (deaths * (risk[a] as number) * (nRisk - deaths)) / (nRisk * (nRisk - 1));
      add(row, a, tmp);
      for (let b = 0; b < k; b++) add(row, b, (-tmp * (risk[b] as number)) / nRisk);
    }
  }
  const used = labels.map((_, a) => a).filter((a) => (expected[a] as number) > 0);
  const df = used.length - 1;
  let chisq = 0;
  if (used.length >= 2) {
    const keep = used.slice(1);
    const m = keep.length;
    const v = new Float64Array(m * m);
    const d = new Float64Array(m);
    keep.forEach((a, r) => {
      d[r] = (observed[a] as number) - (expected[a] as number);
      keep.forEach((b, c) => {
        v[r * m + c] = (variance[a] as number[])[b] as number;
      });
    });
    const l = cholesky(v, m);
    if (!l) throw new RangeError("logRank: the variance matrix is singular (a group contributes no information)");
    const sol = choleskySolve(l, m, d);
    for (let r = 0; r < m; r++) chisq += (sol[r] as number) * (d[r] as number);
  }
  return {
    groups: labels.map((label, a) => ({
      group: label,
      n: counts[a] as number,
      observed: observed[a] as number,
      expected: expected[a] as number,
    })),
    variance,
    chisq,
    df,
    p: df >= 1 ? chiSquareSurvival(chisq, df) : null,
  };
}

function add(v: number[], i: number, w: number): void {
  v[i] = (v[i] as number) + w;
}

/** Distinct labels, sorted as R sorts factor levels (numbers numerically). Throws on NaN or mixed types. */
function groupLabels(group: ArrayLike<string | number>): Array<string | number> {
  const seen = new Set<string | number>();
  let kind: string | undefined;
  for (let i = 0; i < group.length; i++) {
    const v = group[i];
    if ((typeof v !== "number" && typeof v !== "string") || Number.isNaN(v)) {
      throw new RangeError(`group[${i}] must be a number or a string, not ${String(v)}`);
    }
    if (kind !== undefined && typeof v !== kind) throw new RangeError(`group[${i}] mixes numbers and strings`);
    kind = typeof v;
    seen.add(v);
  }
  const labels = Array.from(seen);
  return kind === "number"
    ? (labels as number[]).sort((a, b) => a - b)
    : (labels as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
