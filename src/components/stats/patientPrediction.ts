/** One patient's predicted class probabilities (its patches aggregated) and its true class, as the analyses read it. */
export interface PatientPrediction {
  /** Class index. */
  label: number;
  probabilities: readonly number[];
}
