import type {TopLevelSpec} from "vega-lite";
import type {CalibrationBin} from "../stats/calibration.js";
import {diagonalLayer} from "./diagonalLayer.js";

/**
 * Calibration (reliability) curve: observed proportion of responders against the mean predicted probability per bin,
 * point size ∝ bin count, with the identity line for perfect calibration.
 */
export function calibrationSpec(
  bins: readonly CalibrationBin[],
  {width = 300, height = 300, color = "#0072B2"}: {width?: number; height?: number; color?: string} = {},
): TopLevelSpec {
  const values = bins.map((b) => ({...b}));
  const x = {
    field: "meanPredicted",
    type: "quantitative",
    title: "Mean predicted probability",
    scale: {domain: [0, 1]},
  } as const;
  const y = {field: "observed", type: "quantitative", title: "Observed proportion", scale: {domain: [0, 1]}} as const;
  // Plain data cast once: see rocSpec.ts for why.
  return {
    width,
    height,
    layer: [
      diagonalLayer(),
      {data: {values}, mark: {type: "line", color}, encoding: {x, y}},
      {
        data: {values},
        mark: {type: "circle", color, opacity: 0.8},
        encoding: {
          x,
          y,
          size: {field: "n", type: "quantitative", title: "n in bin"},
          tooltip: [
            {field: "lo", type: "quantitative", title: "bin from", format: ".2f"},
            {field: "hi", type: "quantitative", title: "bin to", format: ".2f"},
            {field: "n", type: "quantitative", title: "n"},
            {field: "meanPredicted", type: "quantitative", title: "mean predicted", format: ".3f"},
            {field: "observed", type: "quantitative", title: "observed", format: ".3f"},
          ],
        },
      },
    ],
  } as TopLevelSpec;
}
