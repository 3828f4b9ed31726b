import {remember, rememberedValue} from "../charts/rememberedInput.js";
import {type ColumnFilter, type ColumnInfo, levelsCodec, type PatientFilter, rangeCodec} from "./patientFilter.js";

/** An input element as Observable Inputs makes them: an element with a value that fires "input" on change. */
type InputElement<T> = HTMLElement & {value: T};

/**
 * What is used of Observable Inputs (the page's implicit `Inputs`, which keeps Framework's inputs CSS; a component
 * cannot import it without losing that CSS, ../shared/offline-build.md), so the page passes it in.
 */
export interface InputsLike {
  checkbox(levels: readonly string[], options: {label: string; value: readonly string[]}): InputElement<string[]>;
  number(options: {label: string; value: number}): InputElement<number>;
  form<T>(inputs: T, options?: {template?: (inputs: unknown) => HTMLElement}): InputElement<unknown>;
}

/** The URL parameter of a column's filter: "f." and the column's key (e.g. `?f.age=50_70`). */
export const filterKey = (column: ColumnInfo): string => `f.${column.key}`;

/**
 * One remembered control per column (its value in the page's memory and in the URL, rememberedInput.ts): checkboxes
 * of a category's levels (all checked by default), two number boxes for a number's range (its extent by default).
 * Each control's element has the id `filter-<column>`, for links and tests.
 */
export function filterControl(inputs: InputsLike, column: ColumnInfo): InputElement<unknown> {
  const key = filterKey(column);
  if (column.kind === "category" || column.extent === null) {
    const codec = levelsCodec(column.levels);
    const value = rememberedValue(key, codec, column.levels);
    const input = inputs.checkbox(column.levels, {label: column.label, value});
    input.id = `filter-${column.key}`;
    return remember(key, input, codec) as InputElement<unknown>;
  }
  const [low, high] = rememberedValue<readonly [number, number]>(key, rangeCodec, column.extent);
  const range = inputs.form([
    inputs.number({label: `${column.label} from`, value: low}),
    inputs.number({label: "to", value: high}),
  ]) as InputElement<readonly [number, number]>;
  range.id = `filter-${column.key}`;
  return remember(key, range, rangeCodec) as InputElement<unknown>;
}

/** A form of every column's control, whose value is column key → the control's value. */
export function filterForm(inputs: InputsLike, columns: readonly ColumnInfo[]): InputElement<unknown> {
  const form = inputs.form(Object.fromEntries(columns.map((c) => [c.key, filterControl(inputs, c)])));
  form.id = "explore-filters";
  return form;
}

/**
 * The form's value as a PatientFilter. A number box left empty (NaN) stands for that end of the column's extent, and
 * a range typed backwards is read in order, so a half-typed range never hides every patient by accident.
 */
export function filterFromControls(
  columns: readonly ColumnInfo[],
  values: Readonly<Record<string, unknown>>,
): PatientFilter {
  const filter: Record<string, ColumnFilter> = {};
  for (const column of columns) {
    const value = values[column.key];
    if (column.kind === "category" || column.extent === null) {
      if (Array.isArray(value)) filter[column.key] = {levels: value.map(String)};
      continue;
    }
    if (!Array.isArray(value)) continue;
    const [low, high] = value as unknown[];
    const a = typeof low === "number" && Number.isFinite(low) ? low : column.extent[0];
    const b = typeof high === "number" && Number.isFinite(high) ? high : column.extent[1];
    filter[column.key] = {min: Math.min(a, b), max: Math.max(a, b)};
  }
  return filter;
}

/** The columns whose filter removes someone, in words ("Age 50–70; Sex: M"), for the page's summary line. */
export function describeFilter(columns: readonly ColumnInfo[], filter: PatientFilter): string {
  const parts = columns.flatMap((column) => {
    const f = filter[column.key];
    if (f === undefined) return [];
    if ("levels" in f)
      return f.levels.length === column.levels.length ? [] : [`${column.label}: ${f.levels.join(", ") || "none"}`];
    if (column.extent === null || (f.min <= column.extent[0] && f.max >= column.extent[1])) return [];
    return [`${column.label} ${f.min}–${f.max}`];
  });
  return parts.length === 0 ? "no filter: every analysed patient" : parts.join("; ");
}
