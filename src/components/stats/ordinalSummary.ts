import {expectedClass, ordinalConcordance} from "./ordinalConcordance.js";
import type {PatientPrediction} from "./patientPrediction.js";
import {type PolytomousIntervals, polytomousBootstrap} from "./polytomousBootstrap.js";
import {polytomousDiscrimination} from "./polytomousDiscrimination.js";
import {deriveSeed} from "./random.js";
import {type KappaCi, weightedKappa} from "./weightedKappa.js";

/**
 * mRECIST is ordered (CR < PR < SD < PD): agreement of the predicted class (argmax) with the true one by linearly and
 * quadratically weighted κ with patient-bootstrap intervals, and ordinal discrimination of the expected class
 * Σ k·p_k by the ORC (mean pairwise AUC over class pairs) and Harrell's C over ordered classes; and, treating the
 * classes as nominal, the polytomous discrimination index (Van Calster et al. 2012). The PDI, ORC and C carry
 * class-stratified bootstrap intervals.
 */
export interface OrdinalSummary {
  cohort: string;
  patients: number;
  linear: KappaCi;
  quadratic: KappaCi;
  orc: number | null;
  harrellC: number | null;
  /** The polytomous discrimination index (chance 1/K) and its per-class components. */
  pdi: number | null;
  pdiComponents: Array<number | null>;
  /** Class-stratified patient-bootstrap percentile intervals of the PDI, ORC and Harrell's C. */
  intervals: PolytomousIntervals;
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
  const discrimination = polytomousDiscrimination(
    observed,
    patients.map((p) => p.probabilities),
    classes,
  );
  const concordance = ordinalConcordance(observed, expectedClass(patients.map((p) => p.probabilities)), classes);
  return {
    cohort,
    patients: patients.length,
    linear: kappa("linear"),
    quadratic: kappa("quadratic"),
    orc: concordance.orc,
    harrellC: concordance.harrellC,
    pdi: discrimination.pdi,
    pdiComponents: discrimination.components,
    intervals: polytomousBootstrap(
      observed,
      patients.map((p) => p.probabilities),
      classes,
      {replicates, seed: deriveSeed(seed, `polytomous-${cohort}`), ciLevel},
    ),
  };
}
