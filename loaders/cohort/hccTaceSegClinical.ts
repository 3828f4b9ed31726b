import type {DeclaredColumns} from "../../src/components/study/studyConfig.js";
import {
  bclc,
  type ColumnCoding,
  categoryAsFound,
  childPugh,
  ecogGrouped,
  isMissing,
  nodularity,
  numeric,
  type Resolve,
  sex,
  yesNo,
} from "./hccTaceSegCodings.js";
import type {HccTaceSegNotes} from "./hccTaceSegNotes.js";
import {type ColumnFound, findColumn} from "./hccTaceSegSheet.js";

/**
 * The clinical columns the adapter writes: every Table 1-like variable the HCC-TACE-Seg sheet records, each from the
 * first sheet column matching one of its candidates, coded as hccTaceSegCodings.ts says. The sheet's other columns
 * (smoking, pathology, CLIP, Okuda, TNM, the readers' sums…) are not written: every manifest column is published in
 * the site's Table 1, so what is written is chosen here, not copied wholesale.
 */
interface PlanEntry {
  /** The output's name as the summary shows it when the sheet has no such column. */
  field: string;
  candidates: string[];
  resolve: Resolve;
}

const plan: PlanEntry[] = [
  {field: "age", candidates: ["age"], resolve: numeric("age")},
  {field: "sex", candidates: ["sex", "gender"], resolve: sex},
  {field: "hepatitis", candidates: ["hepatitis"], resolve: categoryAsFound("hepatitis")},
  {field: "child_pugh", candidates: ["child_pugh", "CPS", "child_pugh_class"], resolve: childPugh},
  {
    field: "afp",
    candidates: ["AFP", "afp_ng_ml"],
    resolve: numeric("afp", "written as afp in ng/mL (Table 1's unit); the sheet does not state the unit"),
  },
  {field: "cirrhosis", candidates: ["cirrhosis", "Evidence_of_cirh"], resolve: yesNo("cirrhosis", true)},
  {field: "bclc", candidates: ["BCLC", "bclc_stage"], resolve: bclc},
  {field: "ecog_ps", candidates: ["PS_bclc_0_0_1-2_1_3-4_3", "PS_bclc"], resolve: ecogGrouped},
  {field: "tumour_nodularity", candidates: ["tumor_nodul", "tumour_nodularity"], resolve: nodularity},
  {
    field: "vascular_invasion",
    candidates: ["Vascular invasion", "vascular_invasion"],
    resolve: yesNo("vascular_invasion", false),
  },
  {
    field: "portal_vein_thrombosis",
    candidates: ["Portal Vein Thrombosis", "portal_vein_thrombosis", "PVT"],
    resolve: yesNo("portal_vein_thrombosis", false),
  },
];

export interface ClinicalColumns {
  /** One entry per planned output, in plan order, for the summary. */
  found: ColumnFound[];
  /** The columns written, in manifest order, with the sheet column each is read from. */
  written: Array<{coding: ColumnCoding; index: number; column: string}>;
  /** study.json's clinical.columns: every written column that is not a known Table 1 variable. */
  declared: DeclaredColumns;
  /** What the codings assume, grouped: one line per way of reading, naming the columns read that way. */
  assumed: string[];
}

/** Chooses each output's sheet column and coding from the header and the non-missing values of `rows`. */
export function clinicalColumns(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  notes: HccTaceSegNotes,
): ClinicalColumns {
  const found: ColumnFound[] = [];
  const written: ClinicalColumns["written"] = [];
  const declared: DeclaredColumns = {};
  const assumptions = new Map<string, string[]>();
  for (const entry of plan) {
    const index = findColumn(header, entry.candidates);
    const column = header[index];
    if (column === undefined) {
      found.push({field: entry.field, found: null, lookedFor: entry.candidates});
      continue;
    }
    const values = rows.map((r) => (r[index] ?? "").trim()).filter((v) => !isMissing(v));
    const coding = entry.resolve(values, column);
    if ("skip" in coding) {
      notes.add(`${entry.field}: not written: ${coding.skip}`);
      found.push({field: entry.field, found: [column], lookedFor: entry.candidates, remark: "not written"});
      continue;
    }
    found.push({
      field: coding.field,
      found: [column],
      lookedFor: entry.candidates,
      ...(coding.remark ? {remark: coding.remark} : {}),
    });
    written.push({coding, index, column});
    if (coding.spec) declared[coding.field] = coding.spec;
    if (coding.assumed) {
      const {what, how} = coding.assumed;
      assumptions.set(how, [...(assumptions.get(how) ?? []), what]);
    }
  }
  const assumed = [...assumptions].map(([how, what]) => `${what.join(", ")}: ${how}`);
  return {found, written, declared, assumed};
}

/** One patient's clinical cells, in `written` order; a cell that does not fit its coding is written empty, noted. */
export function clinicalCells(
  columns: ClinicalColumns,
  row: readonly string[],
  patientId: string,
  notes: HccTaceSegNotes,
): string[] {
  return columns.written.map(({coding, index, column}) => {
    const raw = (row[index] ?? "").trim();
    if (isMissing(raw)) return "";
    const value = coding.code(raw);
    if (value !== undefined) return value;
    notes.patient(`${coding.field} ← ${column}: not ${coding.accepts}, written empty`, patientId, JSON.stringify(raw));
    return "";
  });
}
