import {parsePlainDecimal} from "../../src/components/predictions/parsePlainDecimal.js";
import type {ClinicalColumnSpec} from "../../src/components/study/studyConfig.js";

/**
 * How one clinical column of the HCC-TACE-Seg sheet is written to the manifest. A known Table 1 variable keeps its
 * name only when the sheet's values have that variable's coding (clinicalColumns.ts); anything else gets a name of
 * its own, declared in study.json with its type and levels, so that a value is never "treated as missing" because it
 * was written under a name expecting another coding. Whatever a coding assumes rather than reads is returned as
 * `assumed`, so the summary and study.json say it.
 */
export interface ColumnCoding {
  /** The manifest column. */
  field: string;
  /** Its declaration in study.json, or null for a known Table 1 variable (which must not be declared). */
  spec: ClinicalColumnSpec | null;
  /** What a cell may hold, for the note about cells that do not fit. */
  accepts: string;
  /** A trimmed, non-missing cell → the value written, or undefined when it does not fit (written empty, noted). */
  code(raw: string): string | undefined;
  /** What this coding assumes: `how` it reads `what` (grouped by `how` in the list of assumed codings). */
  assumed?: {what: string; how: string};
  /** Why the column took this name, for the summary (e.g. "1/2, not M/F"). */
  remark?: string;
}

/** A coding chosen from the column's non-missing values, or why the column is not written. */
export type Resolve = (values: readonly string[], column: string) => ColumnCoding | {skip: string};

/** The cells every reader of the sheet treats as missing (as parseClinicalValue does). */
export const isMissing = (raw: string) => /^(|na|n\/a|nan|null|unknown|\.)$/i.test(raw.trim());

const quoted = (levels: readonly string[]) => levels.map((l) => `"${l}"`).join(", ");
const and = (items: readonly string[]) =>
  items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

/** A number (Table 1's known numeric variables: age, AFP); `assumed` when the sheet does not give the unit. */
export const numeric =
  (field: string, assumed?: string): Resolve =>
  (_values, column) => ({
    field,
    spec: null,
    accepts: "a number",
    code: (raw) => (parsePlainDecimal(raw) === undefined ? undefined : raw),
    ...(assumed ? {assumed: {what: column, how: assumed}} : {}),
  });

/** 0/1 or no/yes → "no"/"yes"; a known variable (cirrhosis: levels yes, no) or a declared category. */
export const yesNo =
  (field: string, known: boolean): Resolve =>
  (values, column) => ({
    field,
    spec: known ? null : {type: "category", levels: ["no", "yes"]},
    accepts: "0/1 or no/yes",
    code: (raw) => ({"0": "no", no: "no", "1": "yes", yes: "yes"})[raw.toLowerCase()],
    // The sheet has no legend; 1 = present is the usual spreadsheet habit, not something it states.
    ...(values.some((v) => v === "0" || v === "1")
      ? {assumed: {what: column, how: "1 written as yes, 0 as no (the sheet has no legend)"}}
      : {}),
  });

/** Child–Pugh class A/B/C (also "A5", "B 7"): Table 1's known ordinal child_pugh accepts all three. */
export const childPugh: Resolve = () => ({
  field: "child_pugh",
  spec: null,
  accepts: "A, B or C",
  code: (raw) => /^(?:child[\s_-]*pugh[\s_-]*)?([abc])[\s_-]*\d{0,2}$/i.exec(raw)?.[1]?.toUpperCase(),
});

const BclcStages = ["0", "A", "B", "C", "D"];

/** BCLC stage, "Stage-A" → "A"; declared ordinal with the stages found (all five when fewer than two are). */
export const bclc: Resolve = (values) => {
  const code = (raw: string) => /^(?:bclc)?[\s_-]*(?:stage)?[\s_-]*([0abcd])$/i.exec(raw)?.[1]?.toUpperCase();
  const found = BclcStages.filter((s) => values.some((v) => code(v) === s));
  return {
    field: "bclc",
    spec: {type: "ordinal", levels: found.length >= 2 ? found : BclcStages},
    accepts: "a BCLC stage 0, A, B, C or D",
    code,
  };
};

/**
 * ECOG performance status as the sheet's PS_bclc_0_0_1-2_1_3-4_3 codes it: the column name says PS 0 is coded 0,
 * PS 1–2 coded 1 and PS 3–4 coded 3. Written as the groups, not the codes, so "1" is never read as PS 1.
 */
export const ecogGrouped: Resolve = (_values, column) => {
  const groups: Record<string, string> = {"0": "0", "1": "1-2", "1-2": "1-2", "3": "3-4", "3-4": "3-4"};
  return {
    field: "ecog_ps",
    spec: {type: "ordinal", levels: ["0", "1-2", "3-4"]},
    accepts: "a code 0, 1 or 3",
    code: (raw) => groups[raw],
    assumed: {what: column, how: 'codes 0, 1, 3 written as ecog_ps "0", "1-2", "3-4", as the column name spells them'},
  };
};

/** Uninodular / multinodular: a category of its own, not Table 1's tumour_number (a count). */
export const nodularity: Resolve = () => ({
  field: "tumour_nodularity",
  spec: {type: "category", levels: ["uninodular", "multinodular"]},
  accepts: "uninodular or multinodular",
  code: (raw) => (/^(uni|multi)nodular$/i.test(raw) ? raw.toLowerCase() : undefined),
});

/** Distinct values (case-insensitive, first spelling kept), sorted. */
function levelsFound(values: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const v of values) if (!byKey.has(v.toLowerCase())) byKey.set(v.toLowerCase(), v);
  return [...byKey.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A category whose levels are the values found (e.g. hepatitis: "HCV only", "No virus", …). */
export const categoryAsFound =
  (field: string): Resolve =>
  (values, column) => {
    const levels = levelsFound(values);
    if (levels.length < 2)
      return {skip: `${column} holds ${levels.length} distinct value(s); a declared category needs at least two`};
    const byKey = new Map(levels.map((l) => [l.toLowerCase(), l]));
    return {field, spec: {type: "category", levels}, accepts: and(levels), code: (raw) => byKey.get(raw.toLowerCase())};
  };

const sexWords: Record<string, "M" | "F"> = {m: "M", male: "M", f: "F", female: "F"};

/**
 * Sex: Table 1's known `sex` (M/F) when every value is a sex word; otherwise (the real sheet codes 1/2 with no
 * legend) the codes as they are, as `sex_code`, and the assumption is said, never turned into M/F by guessing.
 */
export const sex: Resolve = (values, column) => {
  if (values.every((v) => sexWords[v.toLowerCase()] !== undefined))
    return {field: "sex", spec: null, accepts: "M/F", code: (raw) => sexWords[raw.toLowerCase()]};
  const coded = categoryAsFound("sex_code")(values, column);
  if ("skip" in coded) return coded;
  const levels = coded.spec?.type === "category" ? coded.spec.levels : [];
  return {
    ...coded,
    remark: `${and(levels)}, not M/F`,
    assumed: {
      what: column,
      how: `${and(levels)} written as sex_code levels ${quoted(levels)}; the sheet does not say which is male`,
    },
  };
};
