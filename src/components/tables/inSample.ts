/**
 * Training-cohort results are in-sample: the head was fitted to the same patients, so every metric there overstates
 * how the model does on new patients. Pages put this sentence beside any training-cohort number; null for a
 * held-out cohort. Pure.
 */
export function inSampleNote(cohort: string, trainingCohort: string): string | null {
  if (cohort !== trainingCohort) return null;
  return `In-sample: ${cohort} is the training cohort, so these numbers describe the patients the head was fitted to and overstate its performance on new patients. The external cohorts are the estimate that counts.`;
}

/** A cohort's name as figures and tables show it: the training cohort marked in-sample wherever it appears. */
export function cohortLabel(cohort: string, trainingCohort: string): string {
  return cohort === trainingCohort ? `${cohort} (training, in-sample)` : cohort;
}
