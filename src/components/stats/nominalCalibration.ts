import {chiSquareSurvival} from "./chiSquare.js";
import {fitConstrainedMultinomial} from "./constrainedMultinomial.js";
import {fitMultinomial, predictMultinomial} from "./multinomialLogistic.js";
import {normalQuantile} from "./normal.js";

/**
 * Calibration of the four class probabilities jointly, as Van Hoorde et al. define it for a nominal outcome
 * ("Assessing calibration of multinomial risk prediction models", Stat Med 2014;33:2585–96), beside the one-vs-rest
 * curves. With class `reference` as the baseline, each other class k has the model's linear predictor
 * LP_k = log(p_k / p_ref), and the multinomial logistic recalibration framework regresses the outcome on them:
 *
 * - calibration intercepts: log(π_k/π_ref) = a_k + LP_k (LP as offset): a_k = 0 when, on average, class k is
 *   predicted as often as it occurs relative to the reference;
 * - calibration slopes: log(π_k/π_ref) = a_k + b_k · LP_k (each equation on its own LP): b_k = 1 when the
 *   predictions are neither too extreme (b < 1, overfitting) nor too modest;
 * - the full recalibration model log(π_k/π_ref) = a_k + Σ_j b_kj · LP_j, whose recalibrated probabilities against
 *   the predicted ones are the parametric calibration plot, and whose likelihood ratio against the predictions as
 *   they stand (a = 0, B = I) tests calibration overall, on K(K − 1) degrees of freedom.
 *
 * VGAM's vglm(multinomial(refLevel)) with offsets and constraint matrices fits the first two; our fits equal it to
 * 1e-6 (test/golden/make-nominal-calibration-golden.R). Intervals are Wald. Pure: Node and the browser.
 */
export interface CalibrationParameter {
  /** The non-reference class this equation is about. */
  label: number;
  estimate: number;
  se: number | null;
  ci: [number, number] | null;
}

export interface NominalCalibration {
  reference: number;
  patients: number;
  intercepts: CalibrationParameter[];
  slopes: CalibrationParameter[];
  /**
   * The full recalibration model, its likelihood ratio against the predictions as they stand, and per patient the
   * predicted and recalibrated probabilities (the parametric calibration plot); null when its K(K − 1) parameters
   * have no finite maximum on this cohort (classes completely separated by the log-ratios, common in a small cohort
   * with a sharp model), `fullNote` saying so.
   */
  full: {
    /** One row per non-reference class, [a_k, b_k1 … b_k(K−1)]. */
    recalibration: number[][];
    overall: {chiSquare: number; df: number; p: number};
    points: Array<{predicted: number[]; recalibrated: number[]}>;
  } | null;
  fullNote?: string;
}

/**
 * `truth[i]` is patient i's class index 0 … K − 1 and `probabilities[i]` its K predicted probabilities (each > 0).
 * Throws RangeError when a probability is not in (0, 1], a class has no patient, or a fit is singular.
 */
export function nominalCalibration(
  truth: ArrayLike<number>,
  probabilities: ReadonlyArray<ArrayLike<number>>,
  {reference = 0, ciLevel}: {reference?: number; ciLevel: number},
): NominalCalibration {
  const n = truth.length;
  if (probabilities.length !== n) throw new RangeError(`${probabilities.length} predictions for ${n} patients`);
  if (n === 0) throw new RangeError("nominalCalibration: no patients");
  const K = (probabilities[0] as ArrayLike<number>).length;
  if (!(Number.isInteger(reference) && reference >= 0 && reference < K))
    throw new RangeError(`reference must be a class index in 0 … ${K - 1}, not ${reference}`);
  // Classes renumbered so that the reference is 0, the others 1 … K − 1 in their order.
  const others = Array.from({length: K}, (_, k) => k).filter((k) => k !== reference);
  const recode = (k: number) => (k === reference ? 0 : others.indexOf(k) + 1);
  const y = Array.from({length: n}, (_, i) => recode(truth[i] as number));
  let originalLogLik = 0;
  const lp = Array.from({length: n}, (_, i) => {
    const p = probabilities[i] as ArrayLike<number>;
    for (let k = 0; k < K; k++) {
      const v = p[k] as number;
      if (!(v > 0 && v <= 1)) throw new RangeError(`patient ${i}: probability of class ${k} is ${v}, not in (0, 1]`);
    }
    originalLogLik += Math.log(p[truth[i] as number] as number);
    return others.map((k) => Math.log((p[k] as number) / (p[reference] as number)));
  });
  const m = K - 1;
  const z = normalQuantile(1 - (1 - ciLevel) / 2);
  const parameter = (label: number, estimate: number, se: number | null): CalibrationParameter => ({
    label,
    estimate,
    se,
    ci: se === null ? null : [estimate - z * se, estimate + z * se],
  });

  const unit = (k: number, width: number, at: number, value: number) =>
    Array.from({length: width}, (_, j) => (j === at ? value : 0));
  const interceptFit = fitConstrainedMultinomial(
    {design: lp.map(() => Array.from({length: m}, (_, k) => unit(k, m, k, 1))), offset: lp, y},
    K,
  );
  // Parameters [a_1 … a_m, b_1 … b_m]: equation k uses a_k and b_k · LP_k.
  const slopeFit = fitConstrainedMultinomial(
    {
      design: lp.map((row) =>
        Array.from({length: m}, (_, k) => [...unit(k, m, k, 1), ...unit(k, m, k, row[k] as number)]),
      ),
      offset: null,
      y,
    },
    K,
  );
  let full: NominalCalibration["full"] = null;
  let fullNote: string | undefined;
  try {
    const fit = fitMultinomial(lp, y, K);
    if (!fit.converged) throw new RangeError("the fit did not converge");
    const recalibrated = predictMultinomial(fit, lp);
    const chiSquare = Math.max(0, 2 * (fit.logLikelihood - originalLogLik));
    const df = m * K;
    full = {
      recalibration: fit.coefficients,
      overall: {chiSquare, df, p: chiSquareSurvival(chiSquare, df)},
      points: recalibrated.map((r, i) => ({
        predicted: Array.from(probabilities[i] as ArrayLike<number>),
        // Back to the original class order.
        recalibrated: Array.from({length: K}, (_, k) => r[recode(k)] as number),
      })),
    };
  } catch {
    // fitMultinomial's reason advises on predictors; here the predictors are the model's own log-ratios.
    fullNote = `the full recalibration model (${m * K} parameters) has no finite fit on these ${n} patients: the model's log-ratios separate the classes (or are collinear)`;
  }
  return {
    reference,
    patients: n,
    intercepts: others.map((label, k) =>
      parameter(label, interceptFit.coefficients[k] as number, interceptFit.standardErrors?.[k] ?? null),
    ),
    slopes: others.map((label, k) =>
      parameter(label, slopeFit.coefficients[m + k] as number, slopeFit.standardErrors?.[m + k] ?? null),
    ),
    full,
    ...(fullNote ? {fullNote} : {}),
  };
}
