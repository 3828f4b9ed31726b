import {assertBinary, assertFinite, assertSameLength} from "./assertFinite.js";

/** Binary outcome (1/true = case, 0/false = control) and a score where higher means "more likely a case". */
export interface BinaryData {
  cases: Float64Array;
  controls: Float64Array;
}

/**
 * Splits scores into cases and controls after validation: equal lengths, outcome 0/1, scores finite (NaN →
 * RangeError naming the index). Never mutates its inputs.
 */
export function splitBinary(outcome: ArrayLike<number | boolean>, score: ArrayLike<number>): BinaryData {
  assertSameLength(outcome, score, "outcome and score");
  assertBinary(outcome, "outcome");
  assertFinite(score, "score");
  let m = 0;
  for (let i = 0; i < outcome.length; i++) if (outcome[i] === 1 || outcome[i] === true) m++;
  const cases = new Float64Array(m);
  const controls = new Float64Array(outcome.length - m);
  let a = 0;
  let b = 0;
  for (let i = 0; i < outcome.length; i++) {
    if (outcome[i] === 1 || outcome[i] === true) cases[a++] = score[i] as number;
    else controls[b++] = score[i] as number;
  }
  return {cases, controls};
}
