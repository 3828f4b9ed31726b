/**
 * The dashed y = x reference line from (0, 0) to (1, 1): chance on a ROC plot, perfect calibration on a reliability
 * plot. A fresh object per call, so a spec never shares (and a caller never mutates) another spec's layer.
 */
export function diagonalLayer() {
  return {
    data: {values: [{x: 0, y: 0, x2: 1, y2: 1}]},
    mark: {type: "rule", strokeDash: [4, 4], color: "#999"},
    encoding: {
      x: {field: "x", type: "quantitative"},
      y: {field: "y", type: "quantitative"},
      x2: {field: "x2"},
      y2: {field: "y2"},
    },
  };
}
