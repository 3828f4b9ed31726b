import {approxLinear, lowess} from "./lowess.js";
import type {OptimismEstimate} from "./optimism.js";
import {quantileSorted} from "./quantile.js";

/**
 * The bias-corrected calibration curve of `rms::calibrate` (Harrell, Regression Modeling Strategies, 2nd ed.,
 * §10.11), for a binary outcome and predicted probabilities at patient level:
 * - the grid: 50 equally spaced predictions from the 5th smallest to the 5th largest apparent one (predy);
 * - a curve: lowess(predicted, outcome, iter = 0) interpolated at the grid (null outside the predictions' range);
 * - calibrate's measure at each grid point is curve − predy, bootstrapped like any other index (optimism.ts):
 *   the bias-corrected curve is the apparent curve − the mean optimism at that point;
 * - the summary rms prints: the mean and 0.9 quantile of |predicted − bias-corrected curve at predicted| over the
 *   apparent predictions.
 * Pure: Node and the browser.
 */
export const CalibrateGridPoints = 50;

/** calibrate's grid; throws when there are 10 or fewer predictions (rms: "must have n > 10"). */
export function calibrateGrid(predicted: readonly number[]): number[] {
  const n = predicted.length;
  if (n <= 10) throw new RangeError(`calibrate: needs more than 10 predictions, got ${n}`);
  const p = [...predicted].sort((a, b) => a - b);
  const lo = p[4] as number;
  const hi = p[n - 5] as number;
  // As R's seq(from, to, length.out): from + i·((to − from)/(length − 1)), the last point exactly `to`.
  const by = (hi - lo) / (CalibrateGridPoints - 1);
  return Array.from({length: CalibrateGridPoints}, (_, i) => (i === CalibrateGridPoints - 1 ? hi : lo + i * by));
}

/** The smoothed observed proportion at each grid point (null outside the predictions' range). */
export function calibrationAtGrid(
  predicted: ArrayLike<number>,
  outcome: ArrayLike<number>,
  grid: readonly number[],
): Array<number | null> {
  const smooth = lowess(predicted, outcome);
  return approxLinear(smooth.x, smooth.y, grid);
}

/** The metric keys of the grid points, for the optimism bootstrap: "calibration@0" … "calibration@49". */
export const calibrateKey = (i: number) => `calibration@${i}`;

export interface BiasCorrectedCalibration {
  predy: number[];
  apparent: Array<number | null>;
  corrected: Array<number | null>;
  /** Monte Carlo SE of each point's optimism, and the replicates in which it was defined. */
  optimismSe: Array<number | null>;
  replicates: number[];
  /** rms's summary: the error of the bias-corrected curve at the apparent predictions. */
  meanAbsoluteError: number | null;
  quantile90AbsoluteError: number | null;
}

/**
 * Assembles the curve from the bootstrap's per-point estimates (`estimates[calibrateKey(i)]`, whose values are
 * curve − predy) and the apparent predictions.
 */
export function biasCorrectedCalibration(
  predy: readonly number[],
  estimates: Readonly<Record<string, OptimismEstimate>>,
  predicted: readonly number[],
): BiasCorrectedCalibration {
  const at = (i: number) => estimates[calibrateKey(i)];
  const apparent = predy.map((p, i) => {
    const a = at(i)?.apparent;
    return a === null || a === undefined ? null : a + p;
  });
  const corrected = predy.map((p, i) => {
    const c = at(i)?.corrected;
    return c === null || c === undefined ? null : c + p;
  });
  const xs: number[] = [];
  const ys: number[] = [];
  predy.forEach((p, i) => {
    const c = corrected[i];
    if (c !== null && c !== undefined) {
      xs.push(p);
      ys.push(c);
    }
  });
  const errors = approxLinear(xs, ys, predicted)
    .map((v, i) => (v === null ? null : Math.abs((predicted[i] as number) - v)))
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b);
  return {
    predy: [...predy],
    apparent,
    corrected,
    optimismSe: predy.map((_, i) => at(i)?.optimismSe ?? null),
    replicates: predy.map((_, i) => at(i)?.replicates ?? 0),
    meanAbsoluteError: errors.length ? errors.reduce((s, v) => s + v, 0) / errors.length : null,
    quantile90AbsoluteError: errors.length ? (quantileSorted(Float64Array.from(errors), 0.9) ?? null) : null,
  };
}
