import type {TopLevelSpec} from "vega-lite";

/**
 * A smoothed calibration curve: loess of the observed outcome on the predicted probability, its bootstrap band, and
 * the diagonal of perfect calibration.
 */
export function loessCalibrationSpec(
  points: ReadonlyArray<{p: number; observed: number; lo: number | null; hi: number | null}>,
  {size = 340}: {size?: number} = {},
): TopLevelSpec {
  const axis = (title: string) => ({type: "quantitative", title, scale: {domain: [0, 1]}}) as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width: size,
    height: size,
    layer: [
      {
        data: {
          values: [
            {p: 0, observed: 0},
            {p: 1, observed: 1},
          ],
        },
        mark: {type: "line", strokeDash: [4, 4], color: "#888"},
        encoding: {
          x: {field: "p", ...axis("Predicted P(CR) + P(PR)")},
          y: {field: "observed", ...axis("Observed (loess)")},
        },
      },
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
