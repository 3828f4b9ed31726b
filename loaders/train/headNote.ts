import type {StudyConfig} from "../../src/components/study/studyConfig.js";

/**
 * The head's protocol in one sentence, for the run's provenance and the Protocol page: activation and loss, class
 * balancing, optimiser, features, and how much of the backbone is frozen.
 */
export function headNote(config: StudyConfig, standardized: boolean): string {
  const m = config.model;
  const parts = [
    m.head === "sigmoid"
      ? "sigmoid head trained with binary cross-entropy on one-hot targets (the paper); the four sigmoid outputs are normalised to sum to 1 in the predictions table"
      : "softmax head trained with categorical cross-entropy; probabilities sum to 1",
    config.augmentation.balancing === "oversample"
      ? `classes balanced per epoch by oversampling to the largest class with random variants (${config.augmentation.variants.join(", ")})`
      : config.augmentation.balancing === "classWeights"
        ? `class-weighted loss (N / (K·n_c)) at natural prevalence, every variant (${config.augmentation.variants.join(", ")}) once per epoch`
        : `natural prevalence, every variant (${config.augmentation.variants.join(", ")}) once per epoch`,
    ...(m.priorCorrection === "trainingPrevalence" && config.augmentation.balancing !== "none"
      ? [
          "softmax intercepts then shifted by log(n_c / N) so the probabilities are risks at the training cohort's prevalence (prior correction of the balanced training)",
        ]
      : []),
    `${m.optimizer}${m.optimizer === "sgd" ? ` momentum ${m.momentum}` : ""}, learning rate ${m.learningRate}, mini-batch ${m.batchSize}, ${m.epochs} epochs`,
    standardized
      ? "2048 avg_pool features standardised (per-feature mean and sd of the training cohort, all training variants) before the head"
      : "raw avg_pool features",
    "backbone frozen through avg_pool (layers 1–174 of 177), run in inference mode once per patch and variant",
  ];
  return `${parts.join("; ")}.`;
}
