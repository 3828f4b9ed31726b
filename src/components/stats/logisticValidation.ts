import {auc} from "./auc.js";
import {logisticRecalibration, softplus} from "./logisticRecalibration.js";
import {expit} from "./logitScale.js";

/**
 * The indexes rms::validate.lrm reports for a binary outcome y and a model's linear predictor x (its `discrim`
 * function, rms 6.5): the model is recalibrated by the logistic fit logit P(y) = Intercept + Slope·x (lrm.fit(x, y)),
 * and
 * - Dxy = 2(C − ½), Somers' rank correlation of x with y (somers2, validate.lrm's default for one intercept);
 * - R2 = Nagelkerke's R² of that fit, (1 − e^(−LR/n)) / (1 − e^(−L₀/n)), LR its likelihood-ratio χ², L₀ the null deviance;
 * - Intercept, Slope: the recalibration (apparent: how far the model is from 0 and 1; in a bootstrap test sample, the
 *   slope's shortfall from 1 is the shrinkage the model needs);
 * - D = (LR − 1)/n discrimination, U = (L01 − deviance − 2)/n unreliability (L01 the deviance at Intercept 0, Slope 1),
 *   Q = D − U quality;
 * - B = mean (y − expit x)², the Brier score of the model as it is;
 * - g = Gini's mean difference of Slope·x, gp = of expit(Intercept + Slope·x).
 * Null where undefined: one outcome class only, or a recalibration fit without a finite maximum (separation).
 */
export interface ValidationIndexes {
  Dxy: number | null;
  R2: number | null;
  Intercept: number | null;
  Slope: number | null;
  D: number | null;
  U: number | null;
  Q: number | null;
  B: number | null;
  g: number | null;
  gp: number | null;
}

export const ValidationIndexKeys = ["Dxy", "R2", "Intercept", "Slope", "D", "U", "Q", "B", "g", "gp"] as const;

export function validationIndexes(x: ArrayLike<number>, y: ArrayLike<number>): ValidationIndexes {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`validationIndexes: ${n} predictors for ${y.length} outcomes`);
  let events = 0;
  let brier = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    const t = y[i] as number;
    if (!Number.isFinite(v)) throw new RangeError(`validationIndexes: x[${i}] is ${v}`);
    if (t !== 0 && t !== 1) throw new RangeError(`validationIndexes: y[${i}] must be 0 or 1, not ${t}`);
    events += t;
    brier += (t - expit(v)) ** 2;
  }
  const none: ValidationIndexes = {
    Dxy: null,
    R2: null,
    Intercept: null,
    Slope: null,
    D: null,
    U: null,
    Q: null,
    B: n > 0 ? brier / n : null,
    g: null,
    gp: null,
  };
  if (events === 0 || events === n) return none;
  const fit = logisticRecalibration(y, x);
  const pbar = events / n;
  const nullDeviance = -2 * (events * Math.log(pbar) + (n - events) * Math.log(1 - pbar));
  const c = auc(Array.from(y), Array.from(x));
  if (!fit) return {...none, Dxy: c === null ? null : 2 * (c - 0.5)};
  const lr = nullDeviance - fit.deviance;
  let l01 = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    l01 += -2 * ((y[i] as number) * v - softplus(v));
  }
  const D = (lr - 1) / n;
  const U = (l01 - fit.deviance - 2) / n;
  return {
    Dxy: c === null ? null : 2 * (c - 0.5),
    R2: (1 - Math.exp(-lr / n)) / (1 - Math.exp(-nullDeviance / n)),
    Intercept: fit.a,
    Slope: fit.b,
    D,
    U,
    Q: D - U,
    B: brier / n,
    g: giniMeanDifference(Array.from(x, (v) => fit.b * v)),
    gp: giniMeanDifference(Array.from(x, (v) => expit(fit.a + fit.b * v))),
  };
}

/**
 * validate.lrm's Emax: the largest |p − expit(a + b·logit p)| over p = 0, 0.0005, …, 1, the worst error of
 * probabilities recalibrated by intercept a and slope b (the bias-corrected ones, in validate's table).
 */
export function recalibrationEmax(a: number, b: number): number {
  let max = 0;
  for (let k = 1; k < 2000; k++) {
    const p = k * 5e-4;
    max = Math.max(max, Math.abs(p - expit(a + b * Math.log(p / (1 - p)))));
  }
  // p = 0 and 1: logit ±∞ maps to 0 and 1 when b > 0 (no error), to 1 and 0 when b < 0 (error 1), as R's plogis.
  if (b < 0) max = 1;
  return max;
}

/** Gini's mean difference, the mean |xᵢ − xⱼ| over pairs i ≠ j (Hmisc::GiniMd). */
export function giniMeanDifference(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (2 * (i + 1) - n - 1) * (sorted[i] as number);
  return (2 * sum) / (n * (n - 1));
}
