/**
 * One cohort order and one default cohort for every page and menu: the training cohort first, then the others in
 * the order the study lists them (cohorts.validation), or by name when it lists none; a page opens on the first
 * cohort the model was not trained on (the training cohort only when there is no other). Pure.
 */
export function cohortOrder(
  cohorts: Iterable<string>,
  trainingCohort: string,
  validation: readonly string[] = [],
): {cohorts: string[]; defaultCohort: string | undefined} {
  const present = [...new Set(cohorts)];
  const listed = validation.filter((c) => present.includes(c));
  const rest = present
    .filter((c) => c !== trainingCohort && !listed.includes(c))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ordered = [...(present.includes(trainingCohort) ? [trainingCohort] : []), ...listed, ...rest];
  return {cohorts: ordered, defaultCohort: ordered.find((c) => c !== trainingCohort) ?? ordered[0]};
}
