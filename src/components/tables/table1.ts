import {chiSquareTest} from "../stats/contingencyChiSquare.js";
import {fisherExact} from "../stats/fisherExact.js";
import {kruskalWallis} from "../stats/kruskalWallis.js";
import {quantile} from "../stats/quantile.js";
import {type Table1Variable, table1Variables} from "./table1Variables.js";

type ClinicalRow = {cohort: string; [column: string]: string | number | null};

export type Table1Test = "chi-square" | "Fisher" | "Kruskal–Wallis";

/** One printed line of Table 1. `p` is on the first line of each test (the header line of a variable). */
export interface Table1Row {
  variable: string;
  /** Category, "median [IQR]", or "missing". */
  level: string;
  kind: "header" | "category" | "median" | "missing";
  /** Display text per cohort: "83 (14.8%)" or "58 [51–64]". */
  cells: Record<string, string>;
  /** Raw numbers per cohort (count and denominator, or median and quartiles). */
  values: Record<string, {count: number; total: number} | {median: number; q1: number; q3: number; n: number} | null>;
  p: number | null;
  test: Table1Test | null;
  note?: string;
}

const pct = (count: number, total: number) => (total === 0 ? "–" : `${count} (${((100 * count) / total).toFixed(1)}%)`);

/**
 * A categorical comparison across cohorts: Fisher's exact test when an expected count is below 5 (and the table is
 * small enough to enumerate), else Pearson's χ² (no Yates unless 2×2, as R's chisq.test).
 */
export function compareCounts(table: number[][]): {p: number | null; test: Table1Test; note?: string} {
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = (table[0] ?? []).map((_, j) => table.reduce((a, r) => a + (r[j] as number), 0));
  const n = rows.reduce((a, b) => a + b, 0);
  const smallExpected = rows.some((r) => r > 0 && cols.some((c) => c > 0 && (r * c) / n < 5));
  if (smallExpected) {
    try {
      return {p: fisherExact(table, {maxTables: 2e6}).p, test: "Fisher"};
    } catch {
      return {...chiSquareTest(table), test: "chi-square", note: "expected count < 5 but table too large for Fisher"};
    }
  }
  return {p: chiSquareTest(table).p, test: "chi-square"};
}

function categoryRows(
  variable: Table1Variable,
  levels: readonly string[],
  levelOf: (row: ClinicalRow) => number | null,
  byCohort: Map<string, ClinicalRow[]>,
): Table1Row[] {
  const cohorts = [...byCohort.keys()];
  const counts = cohorts.map(() => levels.map(() => 0));
  const missing = cohorts.map(() => 0);
  cohorts.forEach((cohort, c) => {
    for (const row of byCohort.get(cohort) as ClinicalRow[]) {
      const k = levelOf(row);
      if (k === null) missing[c] = (missing[c] as number) + 1;
      else (counts[c] as number[])[k] = ((counts[c] as number[])[k] as number) + 1;
    }
  });
  // Levels no cohort has (e.g. Child–Pugh C) are not printed; the tests drop empty columns themselves.
  const shown = levels.map((_, k) => k).filter((k) => counts.some((r) => (r[k] as number) > 0));
  // Test on cohort × level (empty rows/columns are dropped by the tests).
  const test = cohorts.length > 1 ? compareCounts(counts) : null;
  const totals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const header: Table1Row = {
    variable: variable.label,
    level: "",
    kind: "header",
    cells: {},
    values: {},
    p: test?.p ?? null,
    test: test?.test ?? null,
    ...(test?.note ? {note: test.note} : {}),
  };
  const rows = shown.map((k): Table1Row => {
    const level = levels[k] as string;
    const cells: Record<string, string> = {};
    const values: Table1Row["values"] = {};
    cohorts.forEach((cohort, c) => {
      const count = (counts[c] as number[])[k] as number;
      cells[cohort] = pct(count, totals[c] as number);
      values[cohort] = {count, total: totals[c] as number};
    });
    return {variable: variable.label, level, kind: "category", cells, values, p: null, test: null};
  });
  if (missing.some((m) => m > 0)) {
    const cells: Record<string, string> = {};
    const values: Table1Row["values"] = {};
    cohorts.forEach((cohort, c) => {
      cells[cohort] = String(missing[c]);
      values[cohort] = {count: missing[c] as number, total: (byCohort.get(cohort) as ClinicalRow[]).length};
    });
    rows.push({variable: variable.label, level: "missing", kind: "missing", cells, values, p: null, test: null});
  }
  return [header, ...rows];
}

function medianRow(variable: Table1Variable, byCohort: Map<string, ClinicalRow[]>): Table1Row {
  const cohorts = [...byCohort.keys()];
  const groups = cohorts.map((cohort) =>
    (byCohort.get(cohort) as ClinicalRow[]).flatMap((r) => {
      const v = r[variable.column];
      return typeof v === "number" && Number.isFinite(v) ? [v] : [];
    }),
  );
  const cells: Record<string, string> = {};
  const values: Table1Row["values"] = {};
  cohorts.forEach((cohort, c) => {
    const g = groups[c] as number[];
    if (g.length === 0) {
      cells[cohort] = "–";
      values[cohort] = null;
      return;
    }
    const [q1, median, q3] = [0.25, 0.5, 0.75].map((p) => quantile(g, p) as number) as [number, number, number];
    const f = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
    cells[cohort] = `${f(median)} [${f(q1)}–${f(q3)}]`;
    values[cohort] = {median, q1, q3, n: g.length};
  });
  const p = cohorts.length > 1 ? kruskalWallis(groups).p : null;
  return {
    variable: variable.label,
    level: "median [IQR]",
    kind: "median",
    cells,
    values,
    p,
    test: p === null ? null : "Kruskal–Wallis",
  };
}

/**
 * Table 1 for every cohort (in `cohorts` order) from the analysed patients' clinical rows: categorical variables as
 * n (%), continuous ones dichotomised at the paper's cut-offs as n (%) and also as median [IQR], each with a
 * between-cohort p-value (χ² or Fisher for counts, Kruskal–Wallis for the medians). Percentages are of the
 * non-missing values. Columns absent from every row are skipped; `extraColumns` not in the paper's list are
 * summarised as categories (strings) or medians (numbers). Pure: the input is not mutated.
 */
export function table1(
  clinical: readonly ClinicalRow[],
  cohorts: readonly string[],
  extraColumns: readonly string[] = [],
): Table1Row[] {
  const byCohort = new Map<string, ClinicalRow[]>(cohorts.map((c) => [c, []]));
  for (const row of clinical) byCohort.get(row.cohort)?.push(row);
  const present = (column: string) => clinical.some((r) => r[column] !== null && r[column] !== undefined);
  const known = new Set(table1Variables.map((v) => v.column));
  const variables: Table1Variable[] = [
    ...table1Variables,
    ...extraColumns
      .filter((c) => !known.has(c) && c !== "patient_id" && c !== "cohort")
      .map((column) => ({
        column,
        label: column,
        numeric: clinical.every((r) => r[column] === null || typeof r[column] === "number"),
      })),
  ];
  const out: Table1Row[] = [];
  for (const variable of variables) {
    if (!present(variable.column)) continue;
    if (variable.numeric) {
      if (variable.bins) {
        const {levels, of} = variable.bins;
        out.push(
          ...categoryRows(
            variable,
            levels,
            (r) => (typeof r[variable.column] === "number" ? of(r[variable.column] as number) : null),
            byCohort,
          ),
        );
        out.push(medianRow(variable, byCohort));
      } else {
        out.push({...medianRow(variable, byCohort), kind: "median"});
      }
      continue;
    }
    const levels =
      variable.levels ??
      [
        ...new Set(
          clinical.flatMap((r) =>
            r[variable.column] === null || r[variable.column] === undefined ? [] : [String(r[variable.column])],
          ),
        ),
      ].sort();
    out.push(
      ...categoryRows(
        variable,
        levels,
        (r) => {
          const v = r[variable.column];
          if (v === null || v === undefined) return null;
          const k = levels.indexOf(String(v));
          return k < 0 ? null : k;
        },
        byCohort,
      ),
    );
  }
  return out;
}
