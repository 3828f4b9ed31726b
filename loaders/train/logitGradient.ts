import {activate, type Head} from "../../models/head.js";

/**
 * dL/dz of one sample's loss for the head's logits `logits`: (p − onehot(y)) · scale, where p is the head's activation
 * and scale the sample's weight (divided by the 4 outputs for binary cross-entropy, which Keras averages over them).
 * Written into `d` (4 values); shared by the dense loop and the SIMD kernel's training so both compute it alike.
 */
export function logitGradient(
  kind: Head["kind"],
  logits: Float64Array,
  y: number,
  weight: number,
  d: Float64Array,
): void {
  const p = activate(kind, logits, scratchProbs);
  const scale = kind === "sigmoid" ? weight / 4 : weight;
  d[0] = (p[0]! - (y === 0 ? 1 : 0)) * scale;
  d[1] = (p[1]! - (y === 1 ? 1 : 0)) * scale;
  d[2] = (p[2]! - (y === 2 ? 1 : 0)) * scale;
  d[3] = (p[3]! - (y === 3 ? 1 : 0)) * scale;
}
const scratchProbs = new Float64Array(4);
