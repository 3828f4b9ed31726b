import type {ClinicalColumnSpec, DeclaredColumns} from "../../src/components/study/studyConfig.js";

/**
 * The clinical columns a manifest may carry: an explicit allow-list, because every clinical column is published in the
 * site's Table 1 data and a hospital export often holds identifiers (name, MRN, birth date) beside the clinical
 * variables. The allow-list is the paper's Table 1 variables (below) plus the columns the study configuration declares
 * (`clinical.columns`), each with a type. Any other column is refused before any work (manifest.ts).
 */
/** Peng et al. 2020, Table 1. The demo generator writes exactly these. */
export const ClinicalColumns = {
  age: {type: "number", unit: "years"},
  sex: {type: "category", levels: ["M", "F"]},
  hbsag: {type: "category", levels: ["positive", "negative"]},
  child_pugh: {type: "ordinal", levels: ["A", "B", "C"]},
  alt: {type: "number", unit: "U/L"},
  ast: {type: "number", unit: "U/L"},
  afp: {type: "number", unit: "ng/mL"},
  cirrhosis: {type: "category", levels: ["yes", "no"]},
  tumour_size_cm: {type: "number", unit: "cm"},
  tumour_number: {type: "number", unit: "count"},
} as const satisfies Record<string, ClinicalColumnSpec>;
export type ClinicalColumn = keyof typeof ClinicalColumns;

export type ClinicalValue = string | number | null;

export function isClinicalColumn(name: string): name is ClinicalColumn {
  return Object.hasOwn(ClinicalColumns, name);
}

/** The spec of an allowed column (known first, then declared), or undefined when the column is not allowed. */
export function clinicalColumnSpec(name: string, declared: DeclaredColumns = {}): ClinicalColumnSpec | undefined {
  if (isClinicalColumn(name)) return ClinicalColumns[name];
  return Object.hasOwn(declared, name) ? declared[name] : undefined;
}

/**
 * The columns of `columns` that are neither a known Table 1 variable nor declared, with the message that refuses them
 * (naming the file as `where` and saying how to declare or remove them), or null when every column is allowed. Shared
 * by the manifest and the clinical CSV readers, so a hospital export's name, MRN or birth-date column is refused the
 * same way wherever it comes in.
 */
export function undeclaredColumnsMessage(
  columns: readonly string[],
  declared: DeclaredColumns,
  where: string,
): string | null {
  const undeclared = columns.filter((c) => clinicalColumnSpec(c, declared) === undefined);
  if (undeclared.length === 0) return null;
  const extra = Object.keys(declared);
  return (
    `${where}: column(s) ${undeclared.join(", ")} refused: not a known clinical column (${Object.keys(ClinicalColumns).join(", ")})` +
    `${extra.length > 0 ? ` nor declared in the study configuration (${extra.join(", ")})` : " and not declared in the study configuration"}. ` +
    "Every clinical column is published in the report site, so a column that may identify a patient (name, MRN, " +
    `birth date, address, phone) must be removed from the file; to keep a clinical variable, ${declarationHint(undeclared)}`
  );
}

/**
 * How to declare a column in the study file, for messages: a ready-to-paste JSON fragment per column. The type shown
 * is a placeholder the user must choose; we never guess it from the values (that would carry the column silently).
 */
export function declarationHint(columns: readonly string[]): string {
  const entries = columns.map((c) => `${JSON.stringify(c)}: {"type": "number"}`).join(", ");
  return (
    `add to the study file "clinical": {"columns": {${entries}}} ` +
    `(type "number" with an optional "unit", or "category" / "ordinal" with "levels": [...])`
  );
}

/**
 * Parses one clinical cell: "" and NA-like markers → null; a numeric column → number; a category or ordinal column →
 * its canonical spelling (case-insensitive match). A value that does not fit its type becomes null (missing) with a
 * problem message: it is never published as free text, which is where a name or a note could hide. A column with no
 * spec (not allowed) is a programming error: manifest.ts refuses such columns first.
 */
export function parseClinicalValue(
  column: string,
  raw: string,
  declared: DeclaredColumns = {},
): {value: ClinicalValue; problem?: string} {
  const spec = clinicalColumnSpec(column, declared);
  if (spec === undefined) throw new Error(`parseClinicalValue: column ${column} is neither known nor declared`);
  const text = raw.trim();
  if (text === "" || /^(na|n\/a|nan|null|unknown|\.)$/i.test(text)) return {value: null};
  if (spec.type === "number") {
    const n = Number(text);
    if (!Number.isFinite(n)) {
      const unit = spec.unit ? ` (${spec.unit})` : "";
      return {value: null, problem: `${column}: expected a number${unit}, got "${text}"`};
    }
    return {value: n};
  }
  const match = spec.levels.find((v) => v.toLowerCase() === text.toLowerCase());
  if (match === undefined) {
    return {value: null, problem: `${column}: expected one of ${spec.levels.join("|")}, got "${text}"`};
  }
  return {value: match};
}
