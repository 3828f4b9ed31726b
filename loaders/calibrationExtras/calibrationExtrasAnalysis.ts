import type {CalibrationExtrasArtifact} from "../../src/components/analysis/analysisArtifacts.js";
import {calibrationExtras} from "../../src/components/stats/calibrationExtras.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import type {Analysis} from "../analysis/analysis.js";
import {runMeta, runPatients} from "../analysis/runMeta.js";
import {priorCorrectionEffect} from "./priorCorrectionEffect.js";

/**
 * Calibration beyond the Clinical utility page's curves: bootstrap intervals of the calibration intercept and slope,
 * each class probability one vs rest, and logistic recalibration, for the corrected run on each external cohort
 * (src/components/stats/calibrationExtras.ts). Scores the run; refits nothing.
 */
export const calibrationExtrasAnalysis: Analysis<CalibrationExtrasArtifact> = {
  id: "calibration-extras",
  title: "calibration extras",
  entry: "loaders/calibrationExtras/calibrationExtrasAnalysis.ts",
  key: ({models}) => ({run: models.corrected.runId, config: models.corrected.config}),
  async run({models}) {
    const model = models.corrected;
    const {config} = model;
    const meta = runMeta(model, config);
    const external = model.provenance.validationCohorts.map((cohort) => ({
      cohort,
      patients: runPatients(model, cohort, config),
    }));
    return {
      ...meta,
      calibration: calibrationExtras(external, {
        classes: ResponseLabels.length,
        replicates: meta.replicates,
        seed: meta.seed,
        ciLevel: meta.ciLevel,
        bins: config.evaluation.calibrationBins,
      }),
      priorCorrection: priorCorrectionEffect(model.provenance.priorShift, external, config.evaluation.calibrationBins),
    };
  },
};
