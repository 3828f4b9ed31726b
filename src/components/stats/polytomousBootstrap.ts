import {expectedClass, ordinalConcordance} from "./ordinalConcordance.js";
import {polytomousDiscrimination} from "./polytomousDiscrimination.js";
import {quantileSorted} from "./quantile.js";
import {createRng} from "./random.js";

/**
 * Percentile bootstrap intervals for the four-class discrimination indexes of one cohort — the PDI
 * (polytomousDiscrimination.ts), the ORC and Harrell's C of the expected class (ordinalConcordance.ts) — from
 * `replicates` resamples of patients stratified by true class (every class keeps its size, so every index stays
 * defined). A replicate where an index is undefined is left out of that index's interval and counted.
 */
export interface PolytomousIntervals {
  pdi: [number, number] | null;
  orc: [number, number] | null;
  harrellC: [number, number] | null;
  /** Replicates that gave no value, per index. */
  failed: {pdi: number; orc: number; harrellC: number};
  replicates: number;
}

export function polytomousBootstrap(
  labels: readonly number[],
  probabilities: ReadonlyArray<readonly number[]>,
  classes: number,
  {replicates, seed, ciLevel}: {replicates: number; seed: number; ciLevel: number},
): PolytomousIntervals {
  const byClass = Array.from({length: classes}, (_, k) => labels.flatMap((y, r) => (y === k ? [r] : [])));
  const rng = createRng(seed);
  const values = {pdi: [] as number[], orc: [] as number[], harrellC: [] as number[]};
  const failed = {pdi: 0, orc: 0, harrellC: 0};
  for (let b = 0; b < replicates; b++) {
    const rows = byClass.flatMap((members) => members.map(() => members[rng.int(members.length)] as number));
    const y = rows.map((r) => labels[r] as number);
    const p = rows.map((r) => probabilities[r] as readonly number[]);
    const pdi = polytomousDiscrimination(y, p, classes).pdi;
    const concordance = ordinalConcordance(y, expectedClass(p), classes);
    for (const [key, v] of [
      ["pdi", pdi],
      ["orc", concordance.orc],
      ["harrellC", concordance.harrellC],
    ] as const) {
      if (v === null || !Number.isFinite(v)) failed[key]++;
      else values[key].push(v);
    }
  }
  const alpha = (1 - ciLevel) / 2;
  const interval = (list: number[]): [number, number] | null => {
    if (list.length === 0) return null;
    const sorted = Float64Array.from(list).sort();
    return [quantileSorted(sorted, alpha) as number, quantileSorted(sorted, 1 - alpha) as number];
  };
  return {
    pdi: interval(values.pdi),
    orc: interval(values.orc),
    harrellC: interval(values.harrellC),
    failed,
    replicates,
  };
}
