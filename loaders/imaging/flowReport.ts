import type {Exclusion, ExclusionKind} from "../cohort/exclusion.js";

/**
 * The per-cohort patient flow for the flow diagram: eligible (manifest rows) → excluded (by reason, with IDs) →
 * analysed (patients, patches). `eligible = excluded.length + analysedPatients` always holds.
 */
export interface CohortFlow {
  cohort: string;
  eligible: number;
  excluded: Exclusion[];
  excludedByKind: Array<{kind: ExclusionKind; count: number; patientIds: string[]}>;
  analysedPatients: number;
  analysedPatches: number;
  /** Analysed patients whose patches came from the inscribed-square fallback. */
  fallbackPatients: string[];
}

export type FlowReport = Record<string, CohortFlow>;

/** The cohort name under which manifest rows with an empty cohort are counted. */
export const noCohort = "(no cohort)";

export function emptyFlow(cohort: string): CohortFlow {
  return {
    cohort,
    eligible: 0,
    excluded: [],
    excludedByKind: [],
    analysedPatients: 0,
    analysedPatches: 0,
    fallbackPatients: [],
  };
}

export function groupExclusions(excluded: readonly Exclusion[]): CohortFlow["excludedByKind"] {
  const groups = new Map<ExclusionKind, string[]>();
  for (const e of excluded) groups.set(e.kind, [...(groups.get(e.kind) ?? []), e.patientId]);
  return [...groups].map(([kind, patientIds]) => ({kind, count: patientIds.length, patientIds}));
}
