import {ResponseLabels} from "../study/vocabulary.js";

/**
 * The rows of the paper's Table 1 ("Participant characteristics"): which manifest column each comes from and how a
 * continuous value is dichotomised at the paper's cut-offs. Columns not listed here are summarised generically.
 */
export interface Table1Variable {
  column: string;
  label: string;
  /** For numeric columns: category names and a classifier returning an index into them (the paper's cut-offs). */
  bins?: {levels: readonly string[]; of: (value: number) => number};
  /** For categorical columns: the levels in display order. */
  levels?: readonly string[];
  /** Numeric columns also get a median [IQR] row with a Kruskal–Wallis p. */
  numeric: boolean;
}

const over = (cut: number, unit: string) => ({
  levels: [`≤ ${cut} ${unit}`.trim(), `> ${cut} ${unit}`.trim()],
  of: (v: number) => (v > cut ? 1 : 0),
});

export const table1Variables: readonly Table1Variable[] = [
  {column: "age", label: "Age (years)", bins: over(60, ""), numeric: true},
  {column: "sex", label: "Sex", levels: ["M", "F"], numeric: false},
  {column: "hbsag", label: "HBsAg", levels: ["positive", "negative"], numeric: false},
  {column: "child_pugh", label: "Child–Pugh class", levels: ["A", "B", "C"], numeric: false},
  {column: "alt", label: "ALT (U/L)", bins: over(40, ""), numeric: true},
  {column: "ast", label: "AST (U/L)", bins: over(40, ""), numeric: true},
  {column: "afp", label: "AFP (ng/mL)", bins: over(20, ""), numeric: true},
  {column: "cirrhosis", label: "Cirrhosis", levels: ["yes", "no"], numeric: false},
  {
    column: "tumour_size_cm",
    label: "Tumour size (cm)",
    bins: {levels: ["≤ 5", "5–10", "> 10"], of: (v: number) => (v <= 5 ? 0 : v <= 10 ? 1 : 2)},
    numeric: true,
  },
  {column: "tumour_number", label: "Tumour number", bins: over(3, ""), numeric: true},
  {column: "label", label: "Response (mRECIST)", levels: ResponseLabels, numeric: false},
];
