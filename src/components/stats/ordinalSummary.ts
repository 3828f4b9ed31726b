import {expectedClass, ordinalConcordance} from "./ordinalConcordance.js";
import type {PatientPrediction} from "./patientPrediction.js";
import {deriveSeed} from "./random.js";
import {type KappaCi, weightedKappa} from "./weightedKappa.js";

/**
 * mRECIST is ordered (CR < PR < SD < PD): agreement of the predicted class (argmax) with the true one by linearly and
 * quadratically weighted κ with patient-bootstrap intervals, and ordinal discrimination of the expected class
 * Σ k·p_k by the ORC (mean pairwise AUC over class pairs) and Harrell's C over ordered classes.
 */
export interface OrdinalSummary {
  cohort: string;
  patients: number;
  linear: KappaCi;
  quadratic: KappaCi;
  orc: number | null;
  harrellC: number | null;
}

export function ordinalSummary(
  cohort: string,
  patients: readonly PatientPrediction[],
  classes: number,
  {replicates, seed, ciLevel}: {replicates: number; seed: number; ciLevel: number},
): OrdinalSummary {
  const observed = patients.map((p) => p.label);
  const predicted = patients.map((p) => {
    let best = 0;
    p.probabilities.forEach((v, k) => {
      if (v > (p.probabilities[best] as number)) best = k;
    });
    return best;
  });
  const kappa = (weighting: "linear" | "quadratic") =>
    weightedKappa(observed, predicted, classes, {
      weighting,
      replicates,
      seed: deriveSeed(seed, `kappa-${cohort}`),
      ciLevel,
    });
  const concordance = ordinalConcordance(observed, expectedClass(patients.map((p) => p.probabilities)), classes);
  return {
    cohort,
    patients: patients.length,
    linear: kappa("linear"),
    quadratic: kappa("quadratic"),
    orc: concordance.orc,
    harrellC: concordance.harrellC,
  };
}
