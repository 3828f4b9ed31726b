import type {TopLevelSpec} from "vega-lite";
import {thresholdAxis} from "./thresholdAxis.js";

export interface DecisionCurvePoint {
  threshold: number;
  netBenefit: number;
  treatAll: number;
  treatNone: number;
  interventionsAvoided: number;
  ci?: readonly [number, number] | undefined;
}

export interface DecisionCurveSpecOptions {
  width?: number;
  height?: number;
  modelLabel?: string;
  /**
   * Lower limit of the net-benefit axis. Default: the lowest value drawn, but not below −0.25 (treat-all falls
   * towards −∞ as the threshold nears 1); a curve that goes lower leaves the chart at its edge, never runs along it.
   */
  yMin?: number;
}

/**
 * Fig 5c/d: net benefit against threshold probability for the model, treat-all and treat-none (with the model's
 * bootstrap band when the points carry `ci`), above the net reduction in interventions per 100 patients.
 * Values below `yMin` leave the plot at its lower edge (clipped, not clamped: a clamped treat-all would run flat
 * along the axis and read as a net benefit it does not have).
 */
export function decisionCurveSpec(
  points: readonly DecisionCurvePoint[],
  options: DecisionCurveSpecOptions = {},
): TopLevelSpec {
  const lowest = Math.min(
    ...points.map((p) => Math.min(p.netBenefit, p.treatAll, p.treatNone, p.ci ? p.ci[0] : Infinity)),
  );
  const {width = 420, height = 260, modelLabel = "Model", yMin = Math.max(-0.25, Math.min(-0.05, lowest))} = options;
  const strategies = [modelLabel, "Treat all", "Treat none"];
  const long = points.flatMap((p) => [
    {threshold: p.threshold, strategy: modelLabel, netBenefit: p.netBenefit},
    {threshold: p.threshold, strategy: "Treat all", netBenefit: p.treatAll},
    {threshold: p.threshold, strategy: "Treat none", netBenefit: p.treatNone},
  ]);
  const band = points.flatMap((p) => (p.ci ? [{threshold: p.threshold, lower: p.ci[0], upper: p.ci[1]}] : []));
  const yMax = Math.max(0.05, ...points.map((p) => Math.max(p.netBenefit, p.treatAll, p.ci ? p.ci[1] : -Infinity)));
  const x = thresholdAxis();
  const y = {
    field: "netBenefit",
    type: "quantitative",
    title: "Net benefit",
    scale: {domain: [yMin, yMax], clamp: false},
  } as const;
  const color = {
    field: "strategy",
    type: "nominal",
    title: null,
    scale: {domain: strategies, range: ["#0072B2", "#777777", "#000000"]},
    legend: {orient: "top"},
  } as const;
  const top: unknown[] = [];
  if (band.length > 0) {
    top.push({
      data: {values: band},
      mark: {type: "area", opacity: 0.2, color: "#0072B2", clip: true},
      encoding: {
        x,
        y: {field: "lower", type: "quantitative", stack: null, scale: {domain: [yMin, yMax], clamp: false}},
        y2: {field: "upper"},
      },
    });
  }
  top.push({
    data: {values: long},
    mark: {type: "line", clip: true},
    encoding: {
      x,
      y,
      color,
      strokeDash: {
        field: "strategy",
        type: "nominal",
        title: null,
        scale: {
          domain: strategies,
          range: [
            [1, 0],
            [6, 3],
            [2, 2],
          ],
        },
      },
      tooltip: [
        {field: "strategy", type: "nominal", title: "Strategy"},
        {field: "threshold", type: "quantitative", format: ".2f", title: "Threshold"},
        {field: "netBenefit", type: "quantitative", format: ".4f", title: "Net benefit"},
      ],
    },
  });
  const avoided = points.map((p) => ({threshold: p.threshold, avoided: p.interventionsAvoided}));
  // Plain data cast once: see rocSpec.ts for why.
  return {
    vconcat: [
      {width, height, layer: top},
      {
        width,
        height: Math.round(height * 0.6),
        data: {values: avoided},
        mark: {type: "line", color: "#0072B2"},
        encoding: {
          x,
          y: {field: "avoided", type: "quantitative", title: "Interventions avoided / 100"},
          tooltip: [
            {field: "threshold", type: "quantitative", format: ".2f", title: "Threshold"},
            {field: "avoided", type: "quantitative", format: ".1f", title: "Avoided per 100"},
          ],
        },
      },
    ],
  } as TopLevelSpec;
}
