import {quantile} from "../stats/quantile.js";
import {type SubgroupAucResult, subgroupAuc} from "../stats/subgroupAuc.js";
import type {ExplorePatient} from "./explorePatients.js";
import {type ColumnInfo, levelOf, MissingLevel} from "./patientFilter.js";

/** Responders in mRECIST: complete or partial response (the objective-response outcome of every page). */
const Responders: readonly string[] = ["CR", "PR"];

/** A subgroup of the patients: its label and its members, in the patients' order. */
export interface Subgroup {
  level: string;
  patients: ExplorePatient[];
}

/**
 * The tertile cut points of a number: R's `quantile(x, c(1/3, 2/3), type = 7)` of the patients' values (those with
 * one). undefined when no patient has a value.
 */
export function tertileCuts(values: readonly number[]): [number, number] | undefined {
  const low = quantile(values, 1 / 3);
  const high = quantile(values, 2 / 3);
  return low === undefined || high === undefined ? undefined : [low, high];
}

/** A cut point as a label shows it: four significant digits, no trailing zeros. */
const cut = (x: number) => String(Number(x.toPrecision(4)));

/**
 * The patients split by `column`: a category by its levels (in the column's order), a number by tertiles (≤ the first
 * cut, up to the second, above it; equal cuts leave a tertile empty, and empty subgroups are dropped), patients with
 * no value in a "missing" subgroup. Pure.
 */
export function subgroupsBy(patients: readonly ExplorePatient[], column: ColumnInfo): Subgroup[] {
  if (column.kind === "category") {
    return column.levels
      .map((level) => ({level, patients: patients.filter((p) => levelOf(p[column.key]) === level)}))
      .filter((g) => g.patients.length > 0);
  }
  const values = patients.map((p) => p[column.key]).filter((v): v is number => typeof v === "number");
  const cuts = tertileCuts(values);
  const groups: Subgroup[] = [];
  if (cuts !== undefined) {
    const [a, b] = cuts;
    const name = column.label;
    const value = (p: ExplorePatient) => p[column.key];
    const isNumber = (v: unknown): v is number => typeof v === "number";
    groups.push(
      {level: `${name} ≤ ${cut(a)}`, patients: patients.filter((p) => isNumber(value(p)) && (value(p) as number) <= a)},
      {
        level: `${cut(a)} < ${name} ≤ ${cut(b)}`,
        patients: patients.filter((p) => isNumber(value(p)) && (value(p) as number) > a && (value(p) as number) <= b),
      },
      {level: `${name} > ${cut(b)}`, patients: patients.filter((p) => isNumber(value(p)) && (value(p) as number) > b)},
    );
  }
  groups.push({level: MissingLevel, patients: patients.filter((p) => typeof p[column.key] !== "number")});
  return groups.filter((g) => g.patients.length > 0);
}

export interface SubgroupAnalysis extends SubgroupAucResult {
  column: ColumnInfo;
}

/**
 * The objective-response AUC (P(CR) + P(PR) against CR or PR) of each subgroup of `column`, with DeLong intervals at
 * `ciLevel` and the heterogeneity test of `subgroupAuc` (Cochran's Q on the logit AUCs). Pure.
 */
export function subgroupAnalysis(
  patients: readonly ExplorePatient[],
  column: ColumnInfo,
  ciLevel: number,
): SubgroupAnalysis {
  const groups = subgroupsBy(patients, column).map((g) => ({
    level: g.level,
    outcome: g.patients.map((p) => (Responders.includes(p.label) ? 1 : 0)),
    score: g.patients.map((p) => p.p_objective),
  }));
  return {column, ...subgroupAuc(groups, ciLevel)};
}
