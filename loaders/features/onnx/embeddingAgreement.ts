/**
 * How closely int8 embeddings follow FP32's on the same patches: the cosine similarity of each patch's two 2048-d
 * embeddings, summarised by its mean and minimum. What the int8 graph's record keeps (int8Backbone.ts), the run's
 * provenance carries to the Protocol page, and `npm run bench -- embeddings` prints.
 */
export interface EmbeddingAgreement {
  patches: number;
  meanCosine: number;
  minCosine: number;
  /** Which patches: e.g. "32 training-cohort patches outside the calibration sample". */
  sample: string;
}

/** Cosine similarity of each row of `b` with the same row of `a` (width-wide rows). */
export function rowCosines(a: Float32Array, b: Float32Array, width: number): number[] {
  if (a.length !== b.length || a.length % width !== 0)
    throw new Error(`rowCosines: expected two n × ${width} matrices, got ${a.length} and ${b.length} values`);
  const out: number[] = [];
  for (let r = 0; r < a.length / width; r++) {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let j = r * width; j < (r + 1) * width; j++) {
      dot += a[j]! * b[j]!;
      na += a[j]! ** 2;
      nb += b[j]! ** 2;
    }
    out.push(dot / Math.sqrt(na * nb));
  }
  return out;
}

export function embeddingAgreement(
  fp32: Float32Array,
  int8: Float32Array,
  width: number,
  sample: string,
): EmbeddingAgreement {
  const cos = rowCosines(fp32, int8, width);
  if (cos.length === 0) throw new Error("embeddingAgreement: no patches to compare");
  return {
    patches: cos.length,
    meanCosine: cos.reduce((a, b) => a + b, 0) / cos.length,
    minCosine: Math.min(...cos),
    sample,
  };
}
