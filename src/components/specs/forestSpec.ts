import type {TopLevelSpec} from "vega-lite";

export interface ForestRow {
  /** Centre name, or the pooled row's label. */
  label: string;
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  pooled: boolean;
}

/**
 * A forest plot: one row per centre (point and interval) and the pooled random-effects estimate as a diamond, with a
 * reference line (0.5 for an AUC, 1 for a calibration slope, none when null).
 */
export function forestSpec(
  rows: readonly ForestRow[],
  {title, reference = null, width = 360}: {title: string; reference?: number | null; width?: number},
): TopLevelSpec {
  const values = rows.filter((r) => r.estimate !== null);
  const y = {field: "label", type: "nominal", title: null, sort: rows.map((r) => r.label)} as const;
  const x = {field: "estimate", type: "quantitative", title, scale: {zero: false}} as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width,
    height: {step: 26},
    data: {values},
    layer: [
      {
        mark: {type: "rule"},
        transform: [{filter: "datum.lower !== null"}],
        encoding: {y, x: {field: "lower", type: "quantitative"}, x2: {field: "upper"}},
      },
      {
        mark: {type: "point", filled: true},
        encoding: {
          y,
          x,
          shape: {
            field: "pooled",
            type: "nominal",
            scale: {domain: [false, true], range: ["square", "diamond"]},
            legend: null,
          },
          size: {field: "pooled", type: "nominal", scale: {domain: [false, true], range: [60, 200]}, legend: null},
        },
      },
      ...(reference === null
        ? []
        : [{mark: {type: "rule", strokeDash: [4, 4], color: "#888"}, encoding: {x: {datum: reference}}}]),
    ],
  } as TopLevelSpec;
}
