import {wilsonInterval} from "../stats/wilson.js";

export interface ConfusionCell {
  truth: string;
  predicted: string;
  count: number;
  /** Percent of the true class (row), null when the row is empty. */
  rowPercent: number | null;
  /** Percent of the predicted class (column), null when the column is empty. */
  colPercent: number | null;
  diagonal: boolean;
}

export interface ConfusionTable {
  labels: string[];
  /** cells[i][j]: true labels[i], predicted labels[j]. */
  cells: ConfusionCell[][];
  rowTotals: number[];
  colTotals: number[];
  n: number;
  correct: number;
  accuracy: number | null;
  /** Wilson interval of the accuracy, null when n = 0. */
  accuracyCi: [number, number] | null;
  /** The level of `accuracyCi`, so that the view names the level the interval was computed at. */
  ciLevel: number;
}

/**
 * Everything a confusion-matrix table shows: counts, row % (recall of each true class), column % (precision of each
 * predicted class), margins and the accuracy with its Wilson CI at `ciLevel` (no default: the page passes the
 * study's `evaluation.ciLevel`). Throws RangeError on a non-square or ragged matrix or a negative / non-integer
 * count. Pure: `counts` is not mutated.
 */
export function confusionTable(
  labels: readonly string[],
  counts: readonly (readonly number[])[],
  ciLevel: number,
): ConfusionTable {
  const k = labels.length;
  if (counts.length !== k)
    throw new RangeError(`confusion matrix must have ${k} rows (one per label), got ${counts.length}`);
  counts.forEach((row, i) => {
    if (row.length !== k) throw new RangeError(`confusion matrix row ${i} must have ${k} columns, got ${row.length}`);
    row.forEach((v, j) => {
      if (!Number.isInteger(v) || v < 0)
        throw new RangeError(`confusion matrix cell [${i}][${j}] must be a count, got ${v}`);
    });
  });
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = labels.map((_, j) => counts.reduce((a, r) => a + (r[j] as number), 0));
  const n = rowTotals.reduce((a, b) => a + b, 0);
  const correct = labels.reduce((a, _, i) => a + ((counts[i] as readonly number[])[i] as number), 0);
  const cells = labels.map((truth, i) =>
    labels.map((predicted, j): ConfusionCell => {
      const count = (counts[i] as readonly number[])[j] as number;
      const r = rowTotals[i] as number;
      const c = colTotals[j] as number;
      return {
        truth,
        predicted,
        count,
        rowPercent: r === 0 ? null : (100 * count) / r,
        colPercent: c === 0 ? null : (100 * count) / c,
        diagonal: i === j,
      };
    }),
  );
  return {
    labels: [...labels],
    cells,
    rowTotals,
    colTotals,
    n,
    correct,
    accuracy: n === 0 ? null : correct / n,
    accuracyCi: wilsonInterval(correct, n, ciLevel),
    ciLevel,
  };
}
