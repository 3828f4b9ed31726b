import {splitBinary} from "./binaryData.js";
import {sortedOrder} from "./rank.js";

/**
 * Scores sorted once (ascending, stable), so that the AUC of any resample — each item drawn some whole number of
 * times — is one pass over the sorted positions, with no sort per resample. Positions are the sorted order:
 * `order[p]` is the item at position p, `position[i]` the position of item i.
 */
export interface SortedAuc {
  size: number;
  order: Uint32Array;
  position: Uint32Array;
  /** 1 where the item at the position is a case. */
  isCase: Uint8Array;
  /** 1 where the position is the last of its group of tied scores. */
  groupEnd: Uint8Array;
  /** Whether any two scores are equal (otherwise every position ends its group). */
  hasTies: boolean;
  /** Number of cases. */
  cases: number;
}

/** Validates (equal lengths, outcome 0/1 or boolean, finite scores: NaN → RangeError naming the index) and sorts. */
export function sortedAuc(outcome: ArrayLike<number | boolean>, score: ArrayLike<number>): SortedAuc {
  splitBinary(outcome, score); // validation only
  const size = score.length;
  const order = sortedOrder(score);
  const position = new Uint32Array(size);
  const isCase = new Uint8Array(size);
  const groupEnd = new Uint8Array(size);
  let hasTies = false;
  let cases = 0;
  for (let p = 0; p < size; p++) {
    const i = order[p] as number;
    position[i] = p;
    const y = outcome[i];
    isCase[p] = y === 1 || y === true ? 1 : 0;
    cases += isCase[p] as number;
    const last = p === size - 1 || score[order[p + 1] as number] !== score[i];
    groupEnd[p] = last ? 1 : 0;
    if (!last) hasTies = true;
  }
  return {size, order, position, isCase, groupEnd, hasTies, cases};
}

/**
 * The AUC of the resample in which position p is drawn `counts[p]` times: U/(W_cases·W_controls) with the
 * Mann–Whitney U of the expanded sample, ties counted ½ — per tie group, 2U += W_cases,group · (2·W_controls,below +
 * W_controls,group). With whole counts (each below 2^31, a resample of fewer than ~9·10^7 items) every sum is exact,
 * so the result is the correctly rounded U/(W_cases·W_controls) whatever the summation order: the same value as any
 * other exact computation of the same resample's AUC. NaN when no case or no control is drawn.
 */
export function countsAuc(sorted: SortedAuc, counts: Uint32Array): number {
  const {isCase, size} = sorted;
  let u = 0;
  let controlsBelow = 0;
  let casesDrawn = 0;
  if (!sorted.hasTies) {
    // Every group is one position: a case counts the controls below it.
    for (let p = 0; p < size; p++) {
      const w = counts[p] as number;
      const c = w & -(isCase[p] as number); // w if a case, else 0 (counts stay below 2^31)
      u += c * controlsBelow;
      casesDrawn += c;
      controlsBelow += w - c;
    }
  } else {
    const {groupEnd} = sorted;
    let twiceU = 0;
    let groupCases = 0;
    let groupControls = 0;
    for (let p = 0; p < size; p++) {
      const w = counts[p] as number;
      const c = w & -(isCase[p] as number);
      groupCases += c;
      groupControls += w - c;
      if (groupEnd[p] === 1) {
        twiceU += groupCases * (2 * controlsBelow + groupControls);
        casesDrawn += groupCases;
        controlsBelow += groupControls;
        groupCases = 0;
        groupControls = 0;
      }
    }
    u = twiceU / 2;
  }
  return casesDrawn > 0 && controlsBelow > 0 ? u / (casesDrawn * controlsBelow) : Number.NaN;
}
