import type {TopLevelSpec} from "vega-lite";
import type {NominalCalibration} from "../stats/nominalCalibration.js";
import {calibrationDiagonal} from "./calibrationDiagonal.js";

/**
 * Van Hoorde's parametric calibration plot of a nominal outcome: for each class, every patient's predicted
 * probability against its probability under the multinomial logistic recalibration model fitted on the cohort
 * (nominalCalibration.ts), one colour per class, with the diagonal of perfect calibration. Points under the diagonal
 * at high predictions are predictions too extreme for the cohort.
 */
export function nominalCalibrationSpec(
  points: NonNullable<NominalCalibration["full"]>["points"],
  classes: readonly string[],
  {size = 340}: {size?: number} = {},
): TopLevelSpec {
  const values = points.flatMap((pt) =>
    pt.predicted.map((p, k) => ({class: classes[k] ?? String(k), predicted: p, recalibrated: pt.recalibrated[k]})),
  );
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width: size,
    height: size,
    layer: [
      calibrationDiagonal(
        {field: "predicted", title: "Predicted probability of the class"},
        {field: "recalibrated", title: "Recalibrated (multinomial logistic recalibration)"},
      ),
      {
        data: {values},
        mark: {type: "line", strokeWidth: 2},
        encoding: {
          x: {field: "predicted", type: "quantitative"},
          y: {field: "recalibrated", type: "quantitative"},
          color: {field: "class", type: "nominal", sort: [...classes], title: "Class"},
          order: {field: "predicted", type: "quantitative"},
        },
      },
    ],
  } as TopLevelSpec;
}
