import type {TopLevelSpec} from "vega-lite";
import type {BiasCorrectedCalibration} from "../stats/biasCorrectedCalibration.js";
import {calibrationDiagonal} from "./calibrationDiagonal.js";

/**
 * rms::calibrate's plot: the apparent calibration curve (lowess of the outcome on the in-sample prediction) and the
 * bias-corrected one (apparent − bootstrap optimism at each grid point), with the diagonal of perfect calibration.
 */
export function biasCorrectedCalibrationSpec(
  calibration: BiasCorrectedCalibration,
  {size = 340}: {size?: number} = {},
): TopLevelSpec {
  const curve = (name: string, values: ReadonlyArray<number | null>) =>
    calibration.predy.flatMap((p, i) => {
      const v = values[i];
      return v === null || v === undefined ? [] : [{predicted: p, observed: v, curve: name}];
    });
  const values = [...curve("apparent", calibration.apparent), ...curve("bias-corrected", calibration.corrected)];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width: size,
    height: size,
    layer: [
      calibrationDiagonal(
        {field: "predicted", title: "Predicted P(CR) + P(PR), in-sample"},
        {field: "observed", title: "Observed (lowess)"},
      ),
      {
        data: {values},
        // lowess is not bounded by [0, 1]: where the curve leaves the plot it is cut at the frame, not drawn over it.
        mark: {type: "line", strokeWidth: 2, clip: true},
        encoding: {
          x: {field: "predicted", type: "quantitative"},
          y: {field: "observed", type: "quantitative"},
          color: {
            field: "curve",
            type: "nominal",
            title: null,
            scale: {domain: ["apparent", "bias-corrected"], range: ["#999999", "#0072B2"]},
          },
          strokeDash: {
            field: "curve",
            type: "nominal",
            legend: null,
            scale: {
              domain: ["apparent", "bias-corrected"],
              range: [
                [4, 2],
                [1, 0],
              ],
            },
          },
        },
      },
    ],
  } as TopLevelSpec;
}
