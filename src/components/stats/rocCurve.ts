import {splitBinary} from "./binaryData.js";

export interface RocPoint {
  /** A case is called positive when its score is ≥ threshold. −Infinity first, +Infinity last. */
  threshold: number;
  sensitivity: number;
  specificity: number;
}

/**
 * Every operating point of the empirical ROC curve, ordered by increasing threshold, exactly as pROC
 * `coords(roc(outcome, score, levels = c(0, 1), direction = "<"), "all", transpose = FALSE)`:
 * thresholds are −∞, the midpoints between consecutive distinct scores, and +∞ (so k distinct scores give k + 1
 * points); a score is positive when ≥ threshold. As in pROC's `roc.utils.thresholds`, a midpoint that rounds onto
 * the lower of its two scores is moved to the upper one, and |midpoint| > 1e100 is computed as a/2 + b/2.
 * Sensitivity falls from 1 to 0 and specificity rises from 0 to 1 along the array.
 *
 * Single class (no cases or no controls) or empty input → [] (pROC refuses such data). NaN → RangeError.
 * The thresholds ±Infinity are not JSON: serialise with `rocPointToJson`.
 */
export function rocCurve(outcome: ArrayLike<number | boolean>, score: ArrayLike<number>): RocPoint[] {
  const {cases, controls} = splitBinary(outcome, score);
  return rocCurveSplit(cases, controls);
}

/** As `rocCurve`, for scores already split into cases and controls (validated by the caller). */
export function rocCurveSplit(cases: Float64Array, controls: Float64Array): RocPoint[] {
  const m = cases.length;
  const n = controls.length;
  if (m === 0 || n === 0) return [];
  const sortedCases = Float64Array.from(cases).sort();
  const sortedControls = Float64Array.from(controls).sort();
  const thresholds = rocThresholds(sortedCases, sortedControls);
  const points: RocPoint[] = [];
  // Walk both sorted arrays: i = #cases < t, j = #controls < t.
  let i = 0;
  let j = 0;
  for (const t of thresholds) {
    while (i < m && (sortedCases[i] as number) < t) i++;
    while (j < n && (sortedControls[j] as number) < t) j++;
    points.push({threshold: t, sensitivity: (m - i) / m, specificity: j / n});
  }
  return points;
}

/** pROC's `roc.utils.thresholds(c(cases, controls), "<")`. Inputs sorted ascending. */
function rocThresholds(sortedCases: Float64Array, sortedControls: Float64Array): number[] {
  const unique: number[] = [];
  let i = 0;
  let j = 0;
  while (i < sortedCases.length || j < sortedControls.length) {
    const a = i < sortedCases.length ? (sortedCases[i] as number) : Infinity;
    const b = j < sortedControls.length ? (sortedControls[j] as number) : Infinity;
    const v = Math.min(a, b);
    if (a === v) i++;
    if (b === v) j++;
    if (unique.length === 0 || unique[unique.length - 1] !== v) unique.push(v);
  }
  const thresholds: number[] = [-Infinity];
  for (let k = 1; k < unique.length; k++) {
    const lo = unique[k - 1] as number;
    const hi = unique[k] as number;
    let t = (lo + hi) / 2;
    if (Math.abs(t) > 1e100) t = lo / 2 + hi / 2;
    if (t === lo) t = hi; // pROC's near-tie fix for direction "<"
    thresholds.push(t);
  }
  thresholds.push(Infinity);
  return thresholds;
}

/** JSON form of a threshold: a number, or the strings "Infinity" / "-Infinity" (`Number(s)` reads them back). */
export type JsonThreshold = number | "Infinity" | "-Infinity";

export interface JsonRocPoint {
  threshold: JsonThreshold;
  sensitivity: number;
  specificity: number;
}

export function jsonThreshold(t: number): JsonThreshold {
  if (t === Infinity) return "Infinity";
  if (t === -Infinity) return "-Infinity";
  if (Number.isNaN(t)) throw new RangeError("a ROC threshold cannot be NaN");
  return t;
}

/** A ROC point with its threshold in JSON form (see `jsonThreshold`). */
export function rocPointToJson(p: RocPoint): JsonRocPoint {
  return {threshold: jsonThreshold(p.threshold), sensitivity: p.sensitivity, specificity: p.specificity};
}

export interface YoudenPoint extends RocPoint {
  /** sensitivity + specificity − 1 at this threshold. */
  youden: number;
}

/**
 * The Youden-optimal point (max sensitivity + specificity − 1) of a ROC curve from `rocCurve`, as pROC
 * `coords(roc, "best", best.method = "youden")`; where pROC would return several tied thresholds, this returns the
 * lowest. Empty curve → null.
 */
export function youden(points: readonly RocPoint[]): YoudenPoint | null {
  let best: YoudenPoint | null = null;
  for (const p of points) {
    const j = p.sensitivity + p.specificity - 1;
    if (best === null || j > best.youden) best = {...p, youden: j};
  }
  return best;
}
