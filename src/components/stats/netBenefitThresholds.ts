/**
 * The threshold probabilities at which net benefit and its paired differences (ΔNB) are tabulated by default: the
 * clinically plausible range of the paper's Fig 5c/d, where a clinician would weigh treating a non-responder against
 * missing a responder. One constant, so the decision-curve table, the Your predictions page and the paired model
 * comparison list the same thresholds; the figures themselves show every threshold of the grid.
 */
export const NetBenefitThresholds = [0.2, 0.3, 0.4, 0.5, 0.6] as const;
