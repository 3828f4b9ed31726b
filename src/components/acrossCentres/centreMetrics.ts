import {splitBinary} from "../stats/binaryData.js";
import {calibrationInTheLarge} from "../stats/calibrationInTheLarge.js";
import {argmax} from "../stats/confusionMatrix.js";
import {delongPlacements, delongVariance} from "../stats/delong.js";
import {fitMultinomial} from "../stats/multinomialLogistic.js";
import {normalQuantile} from "../stats/normal.js";
import {objectiveResponse} from "../stats/objectiveResponse.js";
import type {PatientPrediction} from "../stats/patientPrediction.js";
import {wilsonInterval} from "../stats/wilson.js";

/**
 * One held-out centre's metrics for the internal–external cross-validation, each with the standard error pooling
 * needs: objective-response AUC (P(CR) + P(PR), DeLong variance and interval), four-class accuracy (argmax; Wilson
 * interval, binomial SE), and the calibration of P(CR) + P(PR): its slope (b in logit π = a + b·logit p, Wald interval
 * from the fit's information) and its calibration-in-the-large (a in logit π = a + logit p, Wald interval from the
 * model-based SE), the pair Debray et al. (BMJ 2017) pool across clusters.
 */
export interface Estimate {
  estimate: number | null;
  se: number | null;
  ci: [number, number] | null;
}

export interface CentreMetrics {
  centre: string;
  patients: number;
  responders: number;
  auc: Estimate;
  accuracy: Estimate;
  calibrationSlope: Estimate;
  calibrationInTheLarge: Estimate;
}

const none: Estimate = {estimate: null, se: null, ci: null};

export function centreMetrics(
  centre: string,
  patients: readonly PatientPrediction[],
  ciLevel: number,
  responderClasses: readonly number[] = [0, 1],
): CentreMetrics {
  const z = normalQuantile(1 - (1 - ciLevel) / 2);
  const {outcome, score} = objectiveResponse(
    patients.map((p) => p.label),
    patients.map((p) => p.probabilities),
    responderClasses,
  );
  const n = patients.length;
  const responders = outcome.reduce((a, b) => a + b, 0);

  let auc = none;
  const {cases, controls} = splitBinary(outcome, score);
  const placements = delongPlacements(cases, controls);
  if (placements) {
    const v = delongVariance(placements);
    const se = v === null ? null : Math.sqrt(v);
    const clip = (x: number) => Math.min(1, Math.max(0, x));
    auc = {
      estimate: placements.theta,
      se,
      ci: se === null ? null : [clip(placements.theta - z * se), clip(placements.theta + z * se)],
    };
  }

  let correct = 0;
  for (const p of patients) if (argmax(p.probabilities) === p.label) correct++;
  const accuracy: Estimate =
    n === 0
      ? none
      : {
          estimate: correct / n,
          se: Math.sqrt(((correct / n) * (1 - correct / n)) / n),
          ci: wilsonInterval(correct, n, ciLevel),
        };

  let calibrationSlope = none;
  if (responders > 0 && responders < n) {
    try {
      const x = Array.from(score, (p) => {
        const c = Math.min(1 - 1e-12, Math.max(1e-12, p));
        return [Math.log(c / (1 - c))];
      });
      const fit = fitMultinomial(x, outcome, 2);
      const b = fit.coefficients[0]?.[1];
      const se = fit.standardErrors?.[0]?.[1];
      if (fit.converged && b !== undefined && se !== undefined && Number.isFinite(se)) {
        calibrationSlope = {estimate: b, se, ci: [b - z * se, b + z * se]};
      }
    } catch {
      // Separation or a constant score: no finite slope; the centre is shown without one and left out of the pool.
    }
  }
  // Finite exactly when the centre has responders and non-responders (calibrationInTheLarge.ts), else shown without one.
  // A sum of two probabilities can round to just above 1: clamped to [0, 1] first.
  const citl = calibrationInTheLarge(
    outcome,
    Array.from(score, (p) => Math.min(1, Math.max(0, p))),
  );
  const inTheLarge: Estimate =
    citl === null
      ? none
      : {estimate: citl.intercept, se: citl.se, ci: [citl.intercept - z * citl.se, citl.intercept + z * citl.se]};
  return {
    centre,
    patients: n,
    responders,
    auc,
    accuracy,
    calibrationSlope,
    calibrationInTheLarge: inTheLarge,
  };
}
