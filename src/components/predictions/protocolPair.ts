import type {PredictionRecord} from "./predictionColumns.js";

/**
 * The rows of two protocols of one predictions file (`workbench evaluate --paired A,B`): the site's predictions.csv
 * holds "paper" and "corrected", ablation-predictions.csv one protocol per ablation rung. Errors name the file and
 * list the protocols it has.
 */
export function protocolPair(
  rows: readonly PredictionRecord[],
  pair: string,
  file: string,
): {a: string; b: string; rowsA: PredictionRecord[]; rowsB: PredictionRecord[]} {
  const names = pair.split(",").map((s) => s.trim());
  if (names.length !== 2 || names.some((n) => n === "") || names[0] === names[1])
    throw new RangeError(`--paired: expected two different protocols "A,B", got "${pair}"`);
  const [a, b] = names as [string, string];
  const present = [...new Set(rows.flatMap((r) => (r.protocol === undefined ? [] : [r.protocol])))];
  if (present.length === 0) throw new Error(`${file}: --paired needs a protocol column, and the file has none`);
  for (const name of [a, b]) {
    if (!present.includes(name))
      throw new Error(`${file}: no rows of protocol "${name}" (the file has ${present.join(", ")})`);
  }
  return {a, b, rowsA: rows.filter((r) => r.protocol === a), rowsB: rows.filter((r) => r.protocol === b)};
}
