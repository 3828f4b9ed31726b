import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {compareCounts, table1} from "../../../src/components/tables/table1.js";

type Row = {patient_id: string; cohort: string; [k: string]: string | number | null};
const clinical: Row[] = [
  {patient_id: "a1", cohort: "A", label: "CR", age: 60, sex: "M", tumour_size_cm: 5, tumour_number: 3, afp: 20},
  {patient_id: "a2", cohort: "A", label: "PR", age: 61, sex: "M", tumour_size_cm: 5.1, tumour_number: 4, afp: 20.5},
  {patient_id: "a3", cohort: "A", label: "SD", age: 70, sex: "F", tumour_size_cm: 10, tumour_number: 1, afp: null},
  {patient_id: "b1", cohort: "B", label: "PD", age: 50, sex: "M", tumour_size_cm: 10.5, tumour_number: 2, afp: 3},
  {patient_id: "b2", cohort: "B", label: "CR", age: 55, sex: "M", tumour_size_cm: 2, tumour_number: 1, afp: 400},
];
Object.freeze(clinical);
for (const r of clinical) Object.freeze(r);

const find = (rows: ReturnType<typeof table1>, variable: string, level: string) => {
  const row = rows.find((r) => r.variable === variable && r.level === level);
  assert.ok(row, `row ${variable} / ${level} missing`);
  return row;
};

describe("table1(clinical, cohorts)", () => {
  const rows = table1(clinical, ["A", "B"]);

  it("dichotomises at the paper's cut-offs: age > 60, size ≤5 / 5–10 / >10, number > 3, AFP > 20", () => {
    assert.deepEqual(find(rows, "Age (years)", "≤ 60").values.A, {count: 1, total: 3});
    assert.deepEqual(find(rows, "Age (years)", "> 60").values.A, {count: 2, total: 3});
    assert.deepEqual(find(rows, "Tumour size (cm)", "≤ 5").values.A, {count: 1, total: 3});
    assert.deepEqual(find(rows, "Tumour size (cm)", "5–10").values.A, {count: 2, total: 3});
    assert.deepEqual(find(rows, "Tumour size (cm)", "> 10").values.B, {count: 1, total: 2});
    assert.deepEqual(find(rows, "Tumour number", "> 3").values.A, {count: 1, total: 3});
    assert.deepEqual(find(rows, "AFP (ng/mL)", "≤ 20").values.A, {count: 1, total: 2});
  });

  it("prints n (%) of the non-missing values and a missing row when values are absent", () => {
    assert.equal(find(rows, "Age (years)", "> 60").cells.A, "2 (66.7%)");
    assert.deepEqual(find(rows, "AFP (ng/mL)", "missing").values.A, {count: 1, total: 3});
  });

  it("gives median [IQR] (R type 7 quantiles) with a Kruskal–Wallis p", () => {
    const row = find(rows, "Age (years)", "median [IQR]");
    // R: quantile(c(60, 61, 70), c(.25, .5, .75)) = 60.5 61 65.5
    assert.deepEqual(row.values.A, {median: 61, q1: 60.5, q3: 65.5, n: 3});
    assert.equal(row.cells.A, "61 [60.5–65.5]");
    assert.equal(row.test, "Kruskal–Wallis");
    assert.ok(row.p !== null && row.p > 0 && row.p < 1);
  });

  it("puts the between-cohort p on the header line of each variable; small tables use Fisher", () => {
    const header = find(rows, "Sex", "");
    assert.equal(header.kind, "header");
    assert.equal(header.test, "Fisher");
    // R: fisher.test(matrix(c(2, 1, 2, 0), 2, byrow = TRUE))$p.value = 1
    assert.equal(header.p, 1);
  });

  it("drops levels that no cohort has and skips columns absent from every row", () => {
    assert.ok(!rows.some((r) => r.variable === "Child–Pugh class"));
    assert.ok(!rows.some((r) => r.variable === "Sex" && r.level === "F" && r.values.B === undefined));
    const response = rows
      .filter((r) => r.variable === "Response (mRECIST)" && r.kind === "category")
      .map((r) => r.level);
    assert.deepEqual(response, ["CR", "PR", "SD", "PD"]);
  });

  it("summarises extra columns: strings as categories, numbers as medians", () => {
    const extra = clinical.map((r, i) => ({...r, centre_grade: i % 2 ? "x" : "y", score: i}));
    const out = table1(extra, ["A", "B"], ["centre_grade", "score"]);
    assert.deepEqual(
      out.filter((r) => r.variable === "centre_grade").map((r) => r.level),
      ["", "x", "y"],
    );
    assert.equal(find(out, "score", "median [IQR]").kind, "median");
  });
});

describe("compareCounts(table)", () => {
  it("uses Pearson's χ² without Yates on a large r×c table (R chisq.test)", () => {
    // R: chisq.test(matrix(c(20, 30, 30, 20, 25, 25), 3, byrow = TRUE)) → X-squared = 4, df = 2, p = 0.1353353
    const r = compareCounts([
      [20, 30],
      [30, 20],
      [25, 25],
    ]);
    assert.equal(r.test, "chi-square");
    assert.ok(Math.abs((r.p as number) - Math.exp(-2)) < 1e-9);
  });

  it("uses Fisher's exact test when an expected count is below 5", () => {
    // R: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value = 0.4857143
    const r = compareCounts([
      [3, 1],
      [1, 3],
    ]);
    assert.equal(r.test, "Fisher");
    assert.ok(Math.abs((r.p as number) - 0.4857142857) < 1e-9);
  });
});
