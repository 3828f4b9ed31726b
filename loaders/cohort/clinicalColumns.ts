/**
 * The clinical columns Table 1 knows, with their units and codings. The demo generator writes exactly these; a real
 * manifest may carry any subset plus columns of its own, which travel through as strings.
 */
export const ClinicalColumns = {
  age: {kind: "number", unit: "years"},
  sex: {kind: "category", values: ["M", "F"]},
  hbsag: {kind: "category", values: ["positive", "negative"]},
  child_pugh: {kind: "category", values: ["A", "B", "C"]},
  alt: {kind: "number", unit: "U/L"},
  ast: {kind: "number", unit: "U/L"},
  afp: {kind: "number", unit: "ng/mL"},
  cirrhosis: {kind: "category", values: ["yes", "no"]},
  tumour_size_cm: {kind: "number", unit: "cm"},
  tumour_number: {kind: "number", unit: "count"},
} as const;
export type ClinicalColumn = keyof typeof ClinicalColumns;

export type ClinicalValue = string | number | null;

export function isClinicalColumn(name: string): name is ClinicalColumn {
  return Object.hasOwn(ClinicalColumns, name);
}

/**
 * Parses one clinical cell: "" and NA-like markers → null; a known numeric column → number; a known categorical column →
 * its canonical spelling (case-insensitive match). Returns an error message instead when the value does not fit.
 */
export function parseClinicalValue(column: string, raw: string): {value: ClinicalValue; problem?: string} {
  const text = raw.trim();
  if (text === "" || /^(na|n\/a|nan|null|unknown|\.)$/i.test(text)) return {value: null};
  if (!isClinicalColumn(column)) return {value: text};
  const spec = ClinicalColumns[column];
  if (spec.kind === "number") {
    const n = Number(text);
    if (!Number.isFinite(n))
      return {value: text, problem: `${column}: expected a number (${spec.unit}), got "${text}"`};
    return {value: n};
  }
  const match = spec.values.find((v) => v.toLowerCase() === text.toLowerCase());
  if (match === undefined) {
    return {value: text, problem: `${column}: expected one of ${spec.values.join("|")}, got "${text}"`};
  }
  return {value: match};
}
