/** Validation shared by the contingency-table tests: a non-empty rectangular matrix of non-negative integers. */
export function checkTable(table: readonly (readonly number[])[], name: string): void {
  if (table.length === 0 || (table[0] as readonly number[]).length === 0) throw new RangeError(`${name}: empty table`);
  const c = (table[0] as readonly number[]).length;
  table.forEach((row, i) => {
    if (row.length !== c) throw new RangeError(`${name}: row ${i} has ${row.length} columns, expected ${c}`);
    row.forEach((v, j) => {
      if (!Number.isInteger(v) || v < 0)
        throw new RangeError(`${name}: cell [${i}][${j}] must be a non-negative integer, not ${v}`);
    });
  });
}

/** The table without all-zero rows and columns. */
export function dropEmpty(table: readonly (readonly number[])[]): number[][] {
  const rows = table.filter((row) => row.some((v) => v > 0));
  const c = (table[0] as readonly number[]).length;
  const keep = Array.from({length: c}, (_, j) => rows.some((row) => (row[j] as number) > 0));
  return rows.map((row) => row.filter((_, j) => keep[j]));
}
