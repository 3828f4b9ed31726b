/**
 * The first layer of every calibration plot: the dashed diagonal of perfect calibration on [0, 1] × [0, 1], which
 * also carries the plot's axis titles (its fields are the plot's own, so the later layers share the axes).
 */
export function calibrationDiagonal(x: {field: string; title: string}, y: {field: string; title: string}) {
  const axis = (title: string) => ({type: "quantitative", title, scale: {domain: [0, 1]}}) as const;
  return {
    data: {
      values: [
        {[x.field]: 0, [y.field]: 0},
        {[x.field]: 1, [y.field]: 1},
      ],
    },
    mark: {type: "line", strokeDash: [4, 4], color: "#888"},
    encoding: {
      x: {field: x.field, ...axis(x.title)},
      y: {field: y.field, ...axis(y.title)},
    },
  } as const;
}
