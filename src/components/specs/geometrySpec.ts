import type {TopLevelSpec} from "vega-lite";
import type {AucWithCi} from "../artifacts.js";
import type {ResponseLabel} from "../study/vocabulary.js";

/**
 * One row of the geometry sensitivity table (tables/geometryRows.ts builds them): one geometry and cohort — patients
 * analysed and lost, patch size and magnification, accuracy, per-class and objective-response AUCs — at one level.
 */
export interface GeometryRow extends Record<string, unknown> {
  geometry: string;
  cohort: string;
  eligible: number;
  analysedPatients: number;
  lost: number;
  patches: number;
  sizeMm: string;
  magnification: string;
  n: number | null;
  accuracy: number | null;
  /** "0.812 (0.701–0.903)" per class and for objective response; "n/a" without cases or controls. */
  aucText: Record<ResponseLabel | "OR", string>;
  auc: Record<ResponseLabel | "OR", AucWithCi>;
}

/**
 * The geometry sensitivity figure: one panel per cohort, each geometry's AUC of `outcome` (a class, or "OR" for
 * objective response) as a point with its confidence interval, geometries in the order the study lists them, and a
 * dashed line at 0.5 (chance). Rows without an AUC are left out (no cases or no controls).
 */
export function geometrySpec(
  rows: readonly GeometryRow[],
  outcome: keyof GeometryRow["auc"],
  {width = 220, title = "AUC"}: {width?: number; title?: string} = {},
): TopLevelSpec {
  const values = rows.flatMap((r) => {
    const a = r.auc[outcome];
    return a.auc === null
      ? []
      : [{geometry: r.geometry, cohort: r.cohort, auc: a.auc, lo: a.ci?.[0] ?? a.auc, hi: a.ci?.[1] ?? a.auc}];
  });
  const order = [...new Set(rows.map((r) => r.geometry))];
  const y = {field: "geometry", type: "nominal", sort: order, title: null} as const;
  const x = {field: "auc", type: "quantitative", title, scale: {domain: [0, 1]}} as const;
  // Plain data cast once: see rocSpec.ts for why.
  return {
    data: {values},
    facet: {column: {field: "cohort", type: "nominal", title: null, sort: [...new Set(rows.map((r) => r.cohort))]}},
    spec: {
      width,
      height: 28 * Math.max(1, order.length),
      layer: [
        {mark: {type: "rule", strokeDash: [4, 4], color: "#999"}, encoding: {x: {datum: 0.5, type: "quantitative"}}},
        {mark: {type: "rule"}, encoding: {y, x: {...x, field: "lo"}, x2: {field: "hi"}}},
        {
          mark: {type: "point", filled: true, size: 60},
          encoding: {
            y,
            x,
            tooltip: [
              {field: "geometry", type: "nominal", title: "Geometry"},
              {field: "auc", type: "quantitative", format: ".3f", title},
              {field: "lo", type: "quantitative", format: ".3f", title: "CI low"},
              {field: "hi", type: "quantitative", format: ".3f", title: "CI high"},
            ],
          },
        },
      ],
    },
  } as TopLevelSpec;
}
