import {variableLabel} from "../tables/displayLabels.js";
import type {CellValue, ExplorePatient} from "./explorePatients.js";

/**
 * What a column of the patient table is to a filter and to a subgroup analysis: a number (a range filter, tertiles)
 * or a category (a filter on its levels, one subgroup per level). A number with at most `CategoryMaxLevels` distinct
 * values (a tumour count of 1, 2 or 3; a 0/1 flag) is a category: "drop the patients with two lesions" is a level,
 * not a range, and tertiles of three values are not tertiles.
 */
export interface ColumnInfo {
  key: string;
  label: string;
  kind: "number" | "category";
  /** A category's levels in order (numbers numerically, text alphabetically), "missing" last when any is null. */
  levels: string[];
  /** A number's smallest and largest value; null for a category or a column with no values. */
  extent: [number, number] | null;
  /** Patients with no value. */
  missing: number;
}

export const CategoryMaxLevels = 5;
/** A category level for patients with no value (cohorts.json writes a blank clinical cell as null). */
export const MissingLevel = "missing";

const Labels: Readonly<Record<string, string>> = {
  cohort: "Cohort",
  label: "mRECIST response",
  p_CR: "P(CR)",
  p_PR: "P(PR)",
  p_SD: "P(SD)",
  p_PD: "P(PD)",
  p_objective: "P(CR) + P(PR)",
  patches: "Patches",
};

/** A patient's value of `column` as a category level: null → "missing", a number as JavaScript prints it. */
export function levelOf(value: CellValue | undefined): string {
  return value === null || value === undefined ? MissingLevel : String(value);
}

/** Describes `keys` of the patient table from the values the patients hold. Pure. */
export function describeColumns(patients: readonly ExplorePatient[], keys: readonly string[]): ColumnInfo[] {
  return keys.map((key) => {
    const values = patients.map((p) => p[key]);
    const present = values.filter((v): v is string | number => v !== null && v !== undefined);
    const missing = values.length - present.length;
    const numeric = present.length > 0 && present.every((v) => typeof v === "number");
    const distinct = [...new Set(present.map(String))];
    const label = Labels[key] ?? variableLabel(key);
    if (numeric && distinct.length > CategoryMaxLevels) {
      const numbers = present as number[];
      const extent: [number, number] = [Math.min(...numbers), Math.max(...numbers)];
      return {key, label, kind: "number", levels: [], extent, missing};
    }
    const levels = numeric
      ? distinct.sort((a, b) => Number(a) - Number(b))
      : distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (missing > 0) levels.push(MissingLevel);
    return {key, label, kind: "category", levels, extent: null, missing};
  });
}

/** A range filter keeps values in [min, max]; a levels filter keeps the levels listed. */
export type ColumnFilter = {min: number; max: number} | {levels: readonly string[]};
/** Column key → its filter; a column without one keeps every patient. */
export type PatientFilter = Readonly<Record<string, ColumnFilter>>;

/**
 * Whether `patient` passes `filter`. A range that still spans the column's whole extent keeps every patient,
 * including those with no value; a narrowed range keeps only values inside it (a patient with no value is not known
 * to be in it). A levels filter keeps a patient whose level (`levelOf`) is listed, "missing" included. Pure.
 */
export function matchesFilter(patient: ExplorePatient, columns: readonly ColumnInfo[], filter: PatientFilter): boolean {
  for (const column of columns) {
    const f = filter[column.key];
    if (f === undefined) continue;
    const value = patient[column.key];
    if ("levels" in f) {
      if (!f.levels.includes(levelOf(value))) return false;
    } else if (column.extent !== null) {
      const whole = f.min <= column.extent[0] && f.max >= column.extent[1];
      if (typeof value !== "number") {
        if (!whole) return false;
      } else if (value < f.min || value > f.max) return false;
    }
  }
  return true;
}

/** The patients that pass `filter`, in their order. Pure. */
export function filterPatients(
  patients: readonly ExplorePatient[],
  columns: readonly ColumnInfo[],
  filter: PatientFilter,
): ExplorePatient[] {
  return patients.filter((p) => matchesFilter(p, columns, filter));
}

/** The filter that keeps everyone: every level of a category, the whole extent of a number. */
export function openFilter(column: ColumnInfo): ColumnFilter {
  return column.kind === "category" || column.extent === null
    ? {levels: column.levels}
    : {min: column.extent[0], max: column.extent[1]};
}

/** One filter as the text of a URL parameter and back (the shape of urlState.ts's Codec, so `remember` takes it). */
export interface FilterCodec<T> {
  encode: (value: T) => string;
  decode: (text: string) => T | undefined;
}

const decimal = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A range as "min_max" (each `String(x)`, which reads back bit for bit); text that is not two finite numbers with
 * min ≤ max gives undefined, so the control falls back to its default. Never throws.
 */
export const rangeCodec: FilterCodec<readonly [number, number]> = {
  encode: ([min, max]) => `${min}_${max}`,
  decode: (text) => {
    const parts = text.split("_");
    if (parts.length !== 2 || !parts.every((p) => decimal.test(p))) return undefined;
    const [min, max] = parts.map(Number) as [number, number];
    return Number.isFinite(min) && Number.isFinite(max) && min <= max ? [min, max] : undefined;
  },
};

/**
 * A subset of `levels` as a JSON array (levels may hold any character). Levels the column does not have are dropped;
 * text that is not an array of strings gives undefined. Never throws.
 */
export function levelsCodec(levels: readonly string[]): FilterCodec<string[]> {
  return {
    encode: (value) => JSON.stringify(value),
    decode: (text) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return undefined;
      }
      if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === "string")) return undefined;
      return levels.filter((l) => parsed.includes(l));
    },
  };
}
