// Type-only: no arquero code is imported here. A page must take arquero from Framework's seeded bundle
// (`import * as aq from "npm:arquero"`, scripts/seed-npm-cache.mjs): a bare "arquero" import is bundled from its Node
// build, whose byte-stream module imports node:fs/promises and fails in the browser (../shared/offline-build.md,
// "Gotchas"). So the functions below take the arquero module as an argument, and Node tests pass the package itself.
import type * as Arquero from "arquero";
import type {ColumnTable} from "arquero";
import type {ExplorePatient} from "./explorePatients.js";
import {type ColumnInfo, matchesFilter, type PatientFilter} from "./patientFilter.js";

/** What is used of arquero: `from` (objects to a table) and `escape` (a plain function as a table expression). */
export type ArqueroModule = Pick<typeof Arquero, "from" | "escape">;
export type {ColumnTable};

/** The patient table: one row per analysed patient (explorePatients), one column per field. */
export function patientTable(aq: ArqueroModule, patients: readonly ExplorePatient[]): ColumnTable {
  return aq.from(patients as ExplorePatient[]);
}

/**
 * The rows of `table` that pass `filter` (`matchesFilter`, the same rule as `filterPatients` on plain rows). The
 * predicate is escaped (`aq.escape`): it is a closure over the filter, which arquero's expression parser cannot
 * compile.
 */
export function filterTable(
  aq: ArqueroModule,
  table: ColumnTable,
  columns: readonly ColumnInfo[],
  filter: PatientFilter,
): ColumnTable {
  return table.filter(aq.escape((d: ExplorePatient) => matchesFilter(d, columns, filter)));
}

/** The table's rows back as patients, in table order. */
export function tablePatients(table: ColumnTable): ExplorePatient[] {
  return table.objects() as ExplorePatient[];
}
