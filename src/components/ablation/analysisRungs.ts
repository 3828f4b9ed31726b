import {auc as aucOf} from "../stats/auc.js";
import {bootstrapAucCi, clusterBootstrapAucCi} from "../stats/bootstrapAuc.js";
import type {PredictionRow} from "../stats/evaluatePredictions.js";
import {objectiveResponse} from "../stats/objectiveResponse.js";
import {deriveSeed} from "../stats/random.js";
import {ResponseLabels} from "../study/vocabulary.js";
import type {AnalysisRung} from "./ablationArtifact.js";
import {patientScores} from "./patientScores.js";

/**
 * The analysis changes, made on one model's predictions (the last model rung, seed-averaged): the objective-response
 * AUC with (1) the paper's patch-level naive bootstrap, (2) the patch-level patient-cluster bootstrap (same AUC,
 * an interval that respects patches of one patient being correlated), (3) the patient level (a patient's
 * probabilities averaged over its patches; patients resampled). Only the interval changes from (1) to (2); from (2)
 * to (3) the unit of analysis changes too. Bootstraps stratified by outcome, as evaluatePredictions's.
 */
export function analysisRungs(
  rows: readonly PredictionRow[],
  cohorts: readonly string[],
  options: {bootstrap: number; seed: number; ciLevel: number},
): AnalysisRung[] {
  const rung = (id: string, change: string, level: "patch" | "patient"): AnalysisRung => ({
    id,
    change,
    level,
    cohorts: {},
  });
  const naive = rung("patch-naive", "the paper's analysis: patch level, patches resampled as if independent", "patch");
  const cluster = rung("patch-cluster", "patch level, patients resampled with all their patches", "patch");
  const patient = rung("patient", "patient level: one averaged prediction per patient, patients resampled", "patient");
  for (const cohort of cohorts) {
    const list = rows.filter((r) => r.cohort === cohort);
    const seed = (label: string) => deriveSeed(options.seed, `${cohort}/ablation-${label}`);
    const boot = {replicates: options.bootstrap, ciLevel: options.ciLevel};
    const patches = objectiveResponse(
      list.map((r) => ResponseLabels.indexOf(r.label)),
      list.map((r) => r.probabilities),
    );
    const {truth, probabilities} = patientScores(list, cohort);
    const patients = objectiveResponse(truth, probabilities);
    const entry = (ci: {ci: [number, number]} | null, value: number | null, n: number) => ({
      auc: value,
      ci: ci?.ci ?? null,
      width: ci ? ci.ci[1] - ci.ci[0] : null,
      n,
    });
    const patchAuc = aucOf(patches.outcome, patches.score);
    naive.cohorts[cohort] = entry(
      bootstrapAucCi(patches.outcome, patches.score, {...boot, seed: seed("naive")}),
      patchAuc,
      list.length,
    );
    cluster.cohorts[cohort] = entry(
      clusterBootstrapAucCi(
        patches.outcome,
        patches.score,
        list.map((r) => r.patientId),
        {...boot, seed: seed("cluster")},
      ),
      patchAuc,
      list.length,
    );
    patient.cohorts[cohort] = entry(
      bootstrapAucCi(patients.outcome, patients.score, {...boot, seed: seed("patient")}),
      aucOf(patients.outcome, patients.score),
      truth.length,
    );
  }
  return [naive, cluster, patient];
}
