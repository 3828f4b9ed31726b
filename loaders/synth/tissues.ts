/** Tissue classes of the synthetic phantom (kept in memory for tests; only the tumour class reaches the mask file). */
export const Tissues = {
  air: 0,
  fat: 1,
  muscle: 2,
  visceral: 3,
  stomach: 4,
  liver: 5,
  ivc: 6,
  aorta: 7,
  bone: 8,
  tumour: 9,
} as const;
export type Tissue = (typeof Tissues)[keyof typeof Tissues];
