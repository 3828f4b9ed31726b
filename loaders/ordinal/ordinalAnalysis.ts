import type {OrdinalArtifact} from "../../src/components/analysis/analysisArtifacts.js";
import {ordinalSummary} from "../../src/components/stats/ordinalSummary.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import type {Analysis} from "../analysis/analysis.js";
import {runMeta, runPatients} from "../analysis/runMeta.js";

/**
 * The four response classes as the ordered outcome they are (CR < PR < SD < PD): ordinal agreement of the corrected
 * run's predictions on each external cohort (src/components/stats/ordinalSummary.ts). Scores the run; refits nothing.
 */
export const ordinalAnalysis: Analysis<OrdinalArtifact> = {
  id: "ordinal",
  title: "ordinal agreement",
  entry: "loaders/ordinal/ordinalAnalysis.ts",
  key: ({models}) => ({run: models.corrected.runId, config: models.corrected.config}),
  async run({models}) {
    const model = models.corrected;
    const meta = runMeta(model, model.config);
    const {replicates, seed, ciLevel} = meta;
    return {
      ...meta,
      ordinal: model.provenance.validationCohorts.map((cohort) =>
        ordinalSummary(cohort, runPatients(model, cohort, model.config), ResponseLabels.length, {
          replicates,
          seed,
          ciLevel,
        }),
      ),
    };
  },
};
