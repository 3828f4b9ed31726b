import type {TopLevelSpec} from "vega-lite";

export interface ForestRow {
  /** Centre name, or the pooled row's label. */
  label: string;
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  pooled: boolean;
  /** Prediction interval for a new centre (the pooled row of a meta-analysis), drawn as a thin line beyond the CI. */
  piLower?: number | null;
  piUpper?: number | null;
}

/**
 * A forest plot: one row per centre (point and interval) and the pooled random-effects estimate as a diamond, with a
 * reference line (0.5 for an AUC, 1 for a calibration slope, none when null). A row with a prediction interval shows
 * it as a thin dashed line under its (thicker) confidence interval, so the two read apart: where the mean lies vs.
 * where a new centre's value would lie.
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
        mark: {type: "rule", strokeDash: [3, 2], strokeWidth: 1},
        transform: [{filter: "isValid(datum.piLower) && isValid(datum.piUpper)"}],
        encoding: {y, x: {field: "piLower", type: "quantitative"}, x2: {field: "piUpper"}},
      },
      {
        mark: {type: "rule", strokeWidth: 2},
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
