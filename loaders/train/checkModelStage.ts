import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {backendOf, type EmbeddingEngine} from "../features/engine.js";
import type {PatchSet} from "../imaging/patchSet.js";

/**
 * What the model stage refuses before any work, with a message naming the key: cohorts that are not in the study,
 * fine-tuning (not implemented; and impossible on the wasm backend), and a frozen-layer count other than the whole
 * backbone through avg_pool. Returns the training cohort and the validation cohorts (every other cohort by default).
 */
export function checkModelStage(
  config: StudyConfig,
  cohorts: Record<string, PatchSet>,
  engine: EmbeddingEngine,
): {training: string; validation: string[]} {
  const training = config.cohorts.training;
  if (!cohorts[training]) {
    throw new Error(
      `cohorts.training: expected cohort "${training}" among [${Object.keys(cohorts).join(", ")}], got none`,
    );
  }
  const validation =
    config.cohorts.validation.length > 0
      ? config.cohorts.validation
      : Object.keys(cohorts).filter((c) => c !== training);
  for (const v of validation) {
    if (!cohorts[v])
      throw new Error(
        `cohorts.validation: expected cohort "${v}" among [${Object.keys(cohorts).join(", ")}], got none`,
      );
  }
  if (config.model.fineTune !== "none") {
    throw new Error(
      backendOf(engine) === "wasm"
        ? "model.fineTune res5: the wasm backend has no Conv2DBackpropFilter kernel, so convolutions cannot be trained; install @tensorflow/tfjs-node(-gpu) or keep model.fineTune = none"
        : "model.fineTune res5: fine-tuning is not implemented in this version; keep model.fineTune = none (the paper's protocol freezes the backbone)",
    );
  }
  if (config.model.frozenLayers !== 174) {
    throw new Error(
      `model.frozenLayers: expected 174 (the backbone is frozen through avg_pool and only the head is trained), got ${config.model.frozenLayers}`,
    );
  }
  return {training, validation};
}
