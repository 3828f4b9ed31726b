import type {GraphBuilder} from "./graphBuilder.js";

/** A tensor of the graph under construction: NCHW (rank 4) or flat (rank 2), maybe with zero padding pending. */
export interface Value {
  tensor: string;
  rank: 2 | 4;
  channels: number;
  /** [top, left, bottom, right] zero padding not yet applied. */
  pad?: [number, number, number, number];
  /** True after a ReLU: lets a following max-pool absorb zero padding. */
  nonNegative?: boolean;
}

/**
 * Emits any pending zero padding as an explicit Pad node. Padding is kept pending (ZeroPadding2D emits nothing) so
 * that a following conv or max-pool can absorb it into its own pads; whatever cannot absorb it calls this first.
 */
export function materialize(g: GraphBuilder, v: Value): Value {
  if (!v.pad || v.pad.every((p) => p === 0)) return {...v, pad: undefined};
  const [t, l, b, r] = v.pad;
  const pads = g.int64Constant("pads", [8], [0, 0, t, l, 0, 0, b, r]);
  return {...v, tensor: g.node("Pad", [v.tensor, pads], {mode: "constant"}), pad: undefined};
}
