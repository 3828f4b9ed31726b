import {loess} from "./loess.js";
import {quantile} from "./quantile.js";

/**
 * Numerical summaries of a smoothed calibration curve (Austin & Steyerberg, Stat Med 2019): the outcome smoothed on
 * the predicted probability by loess (span 0.75, degree 2, as R's loess(y ~ p), evaluated exactly), and the absolute
 * differences |p − smoothed| over the patients summarised as ICI (their mean), E50 (median), E90 (90th percentile,
 * R's type 7) and Emax (largest). Null when the loess cannot be fitted (fewer than 2 patients, or too few distinct
 * predictions for a local fit), with the reason.
 */
export interface CalibrationErrors {
  ICI: number | null;
  E50: number | null;
  E90: number | null;
  Emax: number | null;
  note?: string;
}

export function calibrationErrors(probability: ArrayLike<number>, outcome: ArrayLike<number>): CalibrationErrors {
  try {
    const smooth = loess(probability, outcome, {span: 0.75, degree: 2}).fitted;
    const errors = smooth.map((s, i) => Math.abs((probability[i] as number) - s));
    return {
      ICI: errors.reduce((a, b) => a + b, 0) / errors.length,
      E50: quantile(errors, 0.5) ?? null,
      E90: quantile(errors, 0.9) ?? null,
      Emax: Math.max(...errors),
    };
  } catch (error) {
    return {
      ICI: null,
      E50: null,
      E90: null,
      Emax: null,
      note: `no loess calibration curve: ${(error as Error).message}`,
    };
  }
}
