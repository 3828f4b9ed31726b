/**
 * Class activation map (Zhou et al., CVPR 2016, "Learning deep features for discriminative localization"): with a
 * global-average-pooled backbone and a linear head, the class score decomposes over positions, so
 *   CAM_c(y, x) = Σ_k w_{k,c} · A_k(y, x)
 * where A is the last convolutional block's output (res5c: 7 × 7 × 2048 at 224 px) and w the head's effective
 * weights (after standardisation, w / scale). Returned row-major, min–max normalised to 0..1 (all zeros when flat).
 */
export function classActivationMap(
  activations: Float32Array,
  height: number,
  width: number,
  channels: number,
  weights: Float64Array,
  classes: number,
  classIndex: number,
): number[] {
  if (activations.length !== height * width * channels) {
    throw new Error(
      `classActivationMap: expected ${height}×${width}×${channels} activations, got ${activations.length}`,
    );
  }
  if (weights.length !== channels * classes) {
    throw new Error(`classActivationMap: expected ${channels}×${classes} weights, got ${weights.length}`);
  }
  const cam = new Array<number>(height * width).fill(0);
  for (let p = 0; p < height * width; p++) {
    let s = 0;
    for (let k = 0; k < channels; k++) s += activations[p * channels + k]! * weights[k * classes + classIndex]!;
    cam[p] = s;
  }
  const min = Math.min(...cam);
  const max = Math.max(...cam);
  return cam.map((v) => (max > min ? (v - min) / (max - min) : 0));
}
