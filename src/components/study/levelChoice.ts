import {type Level, Levels} from "./vocabulary.js";

/** An evaluation's cohorts as metrics.json carries them: patient level always, patch level only for patch rows. */
type EvaluatedCohorts = Readonly<Record<string, {patch?: unknown}>>;

/**
 * The levels a page's Level selector offers, and which it shows first: patch level only when some protocol's
 * evaluation has patch-level results (a patient-level predictions file has none), and the configured primary level
 * when it is offered, patient level otherwise.
 */
export function levelChoice(
  evaluations: ReadonlyArray<{cohorts: EvaluatedCohorts}>,
  primary: Level,
): {levels: Level[]; value: Level} {
  const hasPatch = evaluations.some((e) => Object.values(e.cohorts).some((c) => c.patch != null));
  const levels = Levels.filter((level) => level === "patient" || hasPatch);
  return {levels, value: levels.includes(primary) ? primary : "patient"};
}
