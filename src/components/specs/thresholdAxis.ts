/**
 * The x encoding of every decision-curve figure (net benefit and Δ net benefit): threshold probability on [0, 1].
 * A fresh object per call, so a spec never shares (and a caller never mutates) another spec's encoding.
 */
export function thresholdAxis() {
  return {
    field: "threshold",
    type: "quantitative",
    title: "Threshold probability",
    scale: {domain: [0, 1]},
  } as const;
}
