import type {TopLevelSpec} from "vega-lite";
import {formatEstimate} from "../format/formatStat.js";
import {diagonalLayer} from "./diagonalLayer.js";

/** One ROC curve: the points of `rocCurve` (thresholds may be JSON strings "Infinity"/"-Infinity"). */
export interface RocSeries {
  /** Short name, e.g. "CR" or "SYUCC". */
  label: string;
  color: string;
  auc: number | null;
  ci: readonly [number, number] | null;
  points: ReadonlyArray<{threshold: number | string; sensitivity: number; specificity: number}>;
  /** Optional CI band of sensitivity at fixed specificities (from `rocBand`). */
  band?: ReadonlyArray<{specificity: number; lower: number; upper: number}>;
}

export interface RocSpecOptions {
  width?: number;
  height?: number;
  title?: string;
  /** Operating point to mark (e.g. the threshold slider's). */
  marker?: {sensitivity: number; specificity: number; threshold: number} | null;
}

/** The legend text of a series: "CR: AUC 0.853 (0.801–0.902)". */
export function rocLegendLabel(series: Pick<RocSeries, "label" | "auc" | "ci">): string {
  return `${series.label}: AUC ${formatEstimate(series.auc, series.ci)}`;
}

function thresholdText(t: number | string): string {
  if (typeof t === "string") return t === "Infinity" ? "+∞" : t === "-Infinity" ? "−∞" : t;
  if (t === Infinity) return "+∞";
  if (t === -Infinity) return "−∞";
  return t.toPrecision(4);
}

/**
 * ROC curves (sensitivity against 1 − specificity), one line per series, an optional band per series, the chance
 * diagonal as a rule (so the only line marks are the curves: one `path` per series) and an optional marked point.
 * The legend entries carry the AUC with its CI; hovering a point shows threshold, sensitivity and specificity.
 */
export function rocSpec(series: readonly RocSeries[], options: RocSpecOptions = {}): TopLevelSpec {
  const {width = 360, height = 360, title, marker = null} = options;
  const names = series.map(rocLegendLabel);
  const colors = series.map((s) => s.color);
  const points = series.flatMap((s, k) =>
    s.points.map((p, order) => ({
      series: names[k] as string,
      order,
      fpr: 1 - p.specificity,
      sensitivity: p.sensitivity,
      specificity: p.specificity,
      threshold: thresholdText(p.threshold),
    })),
  );
  const band = series.flatMap((s, k) =>
    (s.band ?? []).map((b) => ({series: names[k] as string, fpr: 1 - b.specificity, lower: b.lower, upper: b.upper})),
  );
  const color = {
    field: "series",
    type: "nominal",
    scale: {domain: names, range: colors},
    // Legible and in the curves' colours: 12 px labels, line symbols at full opacity (not the pale bands').
    legend: {
      title: null,
      orient: "bottom",
      direction: "vertical",
      labelLimit: 400,
      labelFontSize: 12,
      symbolType: "stroke",
      symbolStrokeWidth: 3,
      symbolOpacity: 1,
    },
  } as const;
  const x = {field: "fpr", type: "quantitative", title: "1 − specificity", scale: {domain: [0, 1]}} as const;
  // Layers are built as plain data and cast once at the end: vega-lite's layer unit types do not accept a
  // heterogeneous array literal built up conditionally without a cast per element.
  const layers: unknown[] = [diagonalLayer()];
  if (band.length > 0) {
    layers.push({
      data: {values: band},
      mark: {type: "area", opacity: 0.18, interpolate: "step-after"},
      // stack: null, or vega-lite stacks the class bands on top of each other
      encoding: {x, y: {field: "lower", type: "quantitative", stack: null}, y2: {field: "upper"}, color},
    });
  }
  layers.push({
    data: {values: points},
    mark: {type: "line", interpolate: "linear", point: false},
    encoding: {
      x,
      y: {field: "sensitivity", type: "quantitative", title: "Sensitivity", scale: {domain: [0, 1]}},
      order: {field: "order", type: "quantitative"},
      color,
    },
  });
  layers.push({
    data: {values: points},
    mark: {type: "point", opacity: 0, size: 60, filled: true},
    encoding: {
      x,
      y: {field: "sensitivity", type: "quantitative"},
      color,
      tooltip: [
        {field: "series", type: "nominal", title: "Curve"},
        {field: "threshold", type: "nominal", title: "Threshold"},
        {field: "sensitivity", type: "quantitative", title: "Sensitivity", format: ".3f"},
        {field: "specificity", type: "quantitative", title: "Specificity", format: ".3f"},
      ],
    },
  });
  if (marker) {
    layers.push({
      data: {values: [{fpr: 1 - marker.specificity, sensitivity: marker.sensitivity, threshold: marker.threshold}]},
      mark: {type: "point", shape: "diamond", size: 140, filled: true, color: "black"},
      encoding: {
        x: {field: "fpr", type: "quantitative"},
        y: {field: "sensitivity", type: "quantitative"},
        tooltip: [{field: "threshold", type: "quantitative", title: "Threshold", format: ".3f"}],
      },
    });
  }
  return {
    ...(title ? {title} : {}),
    width,
    height,
    layer: layers,
  } as TopLevelSpec;
}
