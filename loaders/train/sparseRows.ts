/**
 * Row-compressed embeddings: for each row, the columns whose value is not zero and those values, in column order.
 * ResNet50's avg_pool features are post-ReLU means, about half of them exactly zero on CT patches (54% on the demo's
 * training cohort), so the head's training loop (trainHead.ts) walks only the non-zero entries instead of testing
 * every one: the same products, summed in the same order, so the weights stay bit-identical, without a branch the
 * CPU mispredicts half the time.
 */
export interface SparseRows {
  /** Row r's entries are start[r] .. start[r + 1] − 1. */
  start: Int32Array;
  column: Uint16Array;
  value: Float32Array;
}

/**
 * The compressed form of `x`, computed once per array (the ablation ladder and the cross-validation train dozens of
 * heads on the same embeddings).
 */
export function sparseRows(x: Float32Array, columns: number): SparseRows {
  let byColumns = compressed.get(x);
  if (!byColumns) {
    byColumns = new Map();
    compressed.set(x, byColumns);
  }
  let rows = byColumns.get(columns);
  if (!rows) {
    rows = compress(x, columns);
    byColumns.set(columns, rows);
  }
  return rows;
}
const compressed = new WeakMap<Float32Array, Map<number, SparseRows>>();

function compress(x: Float32Array, columns: number): SparseRows {
  if (columns > 65536) throw new RangeError(`sparseRows: at most 65536 columns, got ${columns}`);
  const rows = Math.floor(x.length / columns);
  let nonZero = 0;
  for (let i = 0; i < rows * columns; i++) if (x[i] !== 0) nonZero++;
  const start = new Int32Array(rows + 1);
  const column = new Uint16Array(nonZero);
  const value = new Float32Array(nonZero);
  let at = 0;
  for (let r = 0; r < rows; r++) {
    start[r] = at;
    const off = r * columns;
    for (let j = 0; j < columns; j++) {
      const v = x[off + j] as number;
      if (v === 0) continue;
      column[at] = j;
      value[at++] = v;
    }
  }
  start[rows] = at;
  return {start, column, value};
}
