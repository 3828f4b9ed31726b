import type {TopLevelSpec} from "vega-lite";
import {thresholdAxis} from "./thresholdAxis.js";

export interface DeltaNetBenefitSeries {
  /** Legend label, e.g. "image − clinical". */
  comparison: string;
  points: ReadonlyArray<{threshold: number; difference: number; ci?: readonly [number, number] | undefined}>;
}

/**
 * ΔNB curves: the net benefit of one model minus the clinical model's at each threshold probability, with the
 * paired bootstrap band, one colour per comparison, and the zero line (no gain).
 */
export function deltaNetBenefitSpec(
  series: readonly DeltaNetBenefitSeries[],
  {width = 420, height = 240}: {width?: number; height?: number} = {},
): TopLevelSpec {
  const rows = series.flatMap((s) =>
    s.points.map((p) => ({
      comparison: s.comparison,
      threshold: p.threshold,
      difference: p.difference,
      lower: p.ci?.[0] ?? null,
      upper: p.ci?.[1] ?? null,
    })),
  );
  const x = thresholdAxis();
  const color = {field: "comparison", type: "nominal", title: null, legend: {orient: "top"}} as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width,
    height,
    data: {values: rows},
    layer: [
      {
        mark: {type: "area", opacity: 0.18},
        transform: [{filter: "datum.lower !== null"}],
        encoding: {x, y: {field: "lower", type: "quantitative"}, y2: {field: "upper"}, color},
      },
      {
        mark: {type: "line", strokeWidth: 2},
        encoding: {x, y: {field: "difference", type: "quantitative", title: "Δ net benefit vs clinical"}, color},
      },
      {mark: {type: "rule", strokeDash: [4, 4], color: "#666"}, encoding: {y: {datum: 0}}},
    ],
  } as TopLevelSpec;
}
