import type {TopLevelSpec} from "vega-lite";
import {calibrationDiagonal} from "./calibrationDiagonal.js";

/**
 * A smoothed calibration curve: loess of the observed outcome on the predicted probability, its bootstrap band, and
 * the diagonal of perfect calibration.
 */
export function loessCalibrationSpec(
  points: ReadonlyArray<{p: number; observed: number; lo: number | null; hi: number | null}>,
  {size = 340}: {size?: number} = {},
): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width: size,
    height: size,
    layer: [
      calibrationDiagonal(
        {field: "p", title: "Predicted P(CR) + P(PR)"},
        {field: "observed", title: "Observed (loess)"},
      ),
      {
        data: {values: points.filter((d) => d.lo !== null)},
        mark: {type: "area", opacity: 0.2, color: "#0072B2"},
        encoding: {x: {field: "p", type: "quantitative"}, y: {field: "lo", type: "quantitative"}, y2: {field: "hi"}},
      },
      {
        data: {values: [...points]},
        mark: {type: "line", color: "#0072B2", strokeWidth: 2},
        encoding: {x: {field: "p", type: "quantitative"}, y: {field: "observed", type: "quantitative"}},
      },
    ],
  } as TopLevelSpec;
}
