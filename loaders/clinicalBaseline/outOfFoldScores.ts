import type {PatientPrediction} from "../../src/components/stats/patientPrediction.js";
import {deriveSeed} from "../../src/components/stats/random.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import type {PatchSet} from "../imaging/patchSet.js";
import {foldsByPatient} from "../refit/foldsByPatient.js";
import {patientLevel} from "../refit/patientLevel.js";
import {refitHead} from "../refit/refitHead.js";
import {type EmbeddedRows, selectRows} from "../refit/selectRows.js";

/** Folds of the out-of-fold scores (fewer when the training cohort has fewer patients). */
export const OutOfFoldFolds = 5;

/**
 * The image model's out-of-fold scores on the training cohort, for honest stacking into the combined clinical +
 * image model: k folds of patients (a patient's patches stay together, stratified by class), the head refitted on the
 * other folds' cached embeddings with the configured variants and applied to the held-out fold. Patient level.
 */
export function outOfFoldScores(
  set: PatchSet,
  embedded: EmbeddedRows,
  config: StudyConfig,
): {patients: Array<PatientPrediction & {patientId: string}>; folds: number; scheme: string} {
  const patientIds = set.records.map((r) => r.patientId);
  const folds = Math.min(OutOfFoldFolds, new Set(patientIds).size);
  const foldOf = foldsByPatient(patientIds, embedded.labels, folds, deriveSeed(config.seeds.training, "out-of-fold"));
  const variants = config.augmentation.variants;
  const rows: Array<{patientId: string; label: string; probabilities: number[]}> = [];
  for (let f = 0; f < folds; f++) {
    const inFold = patientIds.flatMap((_, r) => (foldOf[r] === f ? [r] : []));
    const outFold = patientIds.flatMap((_, r) => (foldOf[r] !== f ? [r] : []));
    const probs = refitHead(
      `${set.cohort} fold ${f + 1}`,
      selectRows([{set: embedded, rows: outFold}], variants),
      selectRows([{set: embedded, rows: inFold}], ["identity"]),
      config,
      variants,
    );
    inFold.forEach((r, k) => {
      const record = set.records[r];
      if (!record) return;
      rows.push({
        patientId: record.patientId,
        label: record.label,
        probabilities: Array.from(probs.subarray(k * 4, k * 4 + 4)),
      });
    });
  }
  return {
    patients: patientLevel(rows, config.evaluation.aggregation),
    folds,
    scheme: `${folds}-fold cross-validation by patient within ${set.cohort}, stratified by response class; the head is refitted on the other folds' cached embeddings (all ${variants.length} configured variants) and scores the held-out fold`,
  };
}
