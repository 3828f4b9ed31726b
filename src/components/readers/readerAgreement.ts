import {fleissKappa} from "../stats/fleissKappa.js";
import {deriveSeed} from "../stats/random.js";
import {type KappaCi, weightedKappa} from "../stats/weightedKappa.js";
import {ResponseLabels} from "../study/vocabulary.js";
import type {ReadersTable} from "./readReadersCsv.js";

export interface ReaderAgreementOptions {
  /** Bootstrap replicates of every interval (default 2000; 0 = no intervals). */
  replicates?: number;
  seed?: number;
  ciLevel?: number;
}

export interface ReaderPair {
  a: string;
  b: string;
  /** Patients both readers read. */
  n: number;
  /** Unweighted Cohen's κ. */
  cohen: KappaCi;
  linear: KappaCi;
  quadratic: KappaCi;
  /** confusion[i][j] = patients a read as class i and b as class j (CR … PD). */
  confusion: number[][];
}

/** The `readers` block of the `workbench evaluate` JSON. */
export interface ReaderAgreement {
  readers: string[];
  /** Patients read by every reader: the subjects of Fleiss' κ and of the unanimous share. */
  n: number;
  fleissKappa: {
    kappa: number | null;
    se: number | null;
    z: number | null;
    p: number | null;
    ci: [number, number] | null;
  };
  /** Patients (of the n) on whom every reader gave the same class; share null when n = 0. */
  unanimous: {count: number; share: number | null};
  /** Every pair of readers, a before b in table order. */
  pairs: ReaderPair[];
}

/**
 * How much the readers agree on the mRECIST class: Fleiss' κ (nominal, with its z test of κ = 0 and a bootstrap
 * interval) and the unanimous share over the patients every reader read, and for every pair of readers, over the
 * patients both read, the confusion matrix and Cohen's κ unweighted, linear and quadratic (CR < PR < SD < PD is
 * ordinal, so a CR–PD disagreement weighs more than CR–PR) with `weightedKappa`'s bootstrap interval. Every
 * bootstrap draws from its own seed, derived from `seed` and the statistic — for a pair, from the two reader names
 * in sorted order — so adding, removing or reordering readers does not move the other intervals. The three κ of a
 * pair share their seed, hence their resamples. Throws RangeError for fewer than two readers or a row whose labels
 * do not match the readers.
 */
export function readerAgreement(
  table: ReadersTable,
  {replicates = 2000, seed = 1, ciLevel = 0.95}: ReaderAgreementOptions = {},
): ReaderAgreement {
  const {readers, rows} = table;
  if (readers.length < 2) throw new RangeError(`reader agreement needs at least 2 readers, not ${readers.length}`);
  rows.forEach((row, i) => {
    if (row.labels.length !== readers.length)
      throw new RangeError(
        `rows[${i}] (patient ${row.patientId}) has ${row.labels.length} labels for ${readers.length} readers`,
      );
  });
  const classes = ResponseLabels.length;
  const complete = rows.map((r) => r.labels).filter((l): l is number[] => l.every((c) => c !== null));
  const fleiss = fleissKappa(complete, classes, {replicates, seed: deriveSeed(seed, "readers/fleiss"), ciLevel});
  const count = complete.filter((l) => l.every((c) => c === l[0])).length;
  const pairs: ReaderPair[] = [];
  for (let x = 0; x < readers.length; x++) {
    for (let y = x + 1; y < readers.length; y++) {
      const a = readers[x] as string;
      const b = readers[y] as string;
      const first: number[] = [];
      const second: number[] = [];
      const confusion = ResponseLabels.map(() => new Array<number>(classes).fill(0));
      for (const {labels} of rows) {
        const i = labels[x];
        const j = labels[y];
        if (i === null || j === null || i === undefined || j === undefined) continue;
        first.push(i);
        second.push(j);
        const row = confusion[i] as number[];
        row[j] = (row[j] as number) + 1;
      }
      // The pair in name order, for the seed and for the κ arguments: κ is symmetric, but its floating-point sums
      // are not, and swapping the readers must not move a digit.
      const [u, v] = a <= b ? [first, second] : [second, first];
      const options = {replicates, seed: deriveSeed(seed, `readers/pair/${[a, b].sort().join("\u0000")}`), ciLevel};
      pairs.push({
        a,
        b,
        n: first.length,
        cohen: weightedKappa(u, v, classes, {...options, weighting: "none"}),
        linear: weightedKappa(u, v, classes, {...options, weighting: "linear"}),
        quadratic: weightedKappa(u, v, classes, {...options, weighting: "quadratic"}),
        confusion,
      });
    }
  }
  return {
    readers: [...readers],
    n: complete.length,
    fleissKappa: {kappa: fleiss.kappa, se: fleiss.se, z: fleiss.z, p: fleiss.p, ci: fleiss.ci},
    unanimous: {count, share: complete.length === 0 ? null : count / complete.length},
    pairs,
  };
}
