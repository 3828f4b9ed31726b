// The embeddings benchmark as `npm run bench` runs it: the table rows, with the raw measurement kept for `--json`.
import {type EmbeddingsMeasurement, embeddingRows, measureEmbeddings} from "./embeddings.js";

let last: EmbeddingsMeasurement | undefined;

export async function benchEmbeddingsForIndex(): Promise<Array<{name: string; value: number; unit: string}>> {
  last = await measureEmbeddings();
  return embeddingRows(last);
}

export function lastEmbeddingsMeasurement(): EmbeddingsMeasurement | undefined {
  return last;
}
