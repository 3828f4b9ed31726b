import {centreMetrics} from "../../src/components/acrossCentres/centreMetrics.js";
import {PooledMetrics, poolCentres} from "../../src/components/acrossCentres/poolCentres.js";
import type {AcrossCentresArtifact} from "../../src/components/analysis/analysisArtifacts.js";
import type {Analysis} from "../analysis/analysis.js";
import {runMeta} from "../analysis/runMeta.js";
import type {PatchSet} from "../imaging/patchSet.js";
import {embedCohorts} from "../refit/embedCohorts.js";
import {patientLevel} from "../refit/patientLevel.js";
import {refitHead} from "../refit/refitHead.js";
import {selectRows} from "../refit/selectRows.js";

/**
 * Transportability: internal–external cross-validation. Each cohort is left out in turn, the corrected protocol's
 * head trained on all the others and scored on it (identity embeddings only: augmented ones exist for the training
 * cohort alone, so every fold trains on the same kind of patch), and the centres' metrics pooled.
 */
const cohortNames = (model: {provenance: {trainingCohort: string; validationCohorts: string[]}}) => [
  model.provenance.trainingCohort,
  ...model.provenance.validationCohorts,
];

export const acrossCentresAnalysis: Analysis<AcrossCentresArtifact> = {
  id: "across-centres",
  title: "across centres",
  entry: "loaders/acrossCentres/acrossCentresAnalysis.ts",
  skip: ({models}) =>
    cohortNames(models.corrected).length < 2
      ? {
          status: "notApplicable",
          reason: `the study has one centre (${models.corrected.provenance.trainingCohort}): leaving it out leaves no patient to train on, and transportability across centres needs at least two`,
        }
      : null,
  key: ({models}) => ({run: models.corrected.runId, config: models.corrected.config}),
  async run(input) {
    const model = input.models.corrected;
    const {config} = model;
    const names = cohortNames(model);
    const embedded = await embedCohorts(
      model,
      input.cohorts,
      names,
      ["identity"],
      input.embeddingsDir,
      "across centres",
    );
    const everyRow = (name: string) => Array.from({length: embedded.get(name)?.labels.length ?? 0}, (_, i) => i);
    const centres = names.map((left) => {
      const probs = refitHead(
        `without ${left}`,
        selectRows(
          names
            .filter((n) => n !== left)
            .map((n) => ({set: embedded.get(n) as NonNullable<ReturnType<typeof embedded.get>>, rows: everyRow(n)})),
          ["identity"],
        ),
        selectRows(
          [{set: embedded.get(left) as NonNullable<ReturnType<typeof embedded.get>>, rows: everyRow(left)}],
          ["identity"],
        ),
        config,
        ["identity"],
      );
      const set = input.cohorts[left] as PatchSet;
      const rows = set.records.map((r, k) => ({
        patientId: r.patientId,
        label: r.label,
        probabilities: Array.from(probs.subarray(k * 4, k * 4 + 4)),
      }));
      return centreMetrics(left, patientLevel(rows, config.evaluation.aggregation), config.evaluation.ciLevel);
    });
    return {
      ...runMeta(model, config),
      acrossCentres: {
        scheme: "leave one centre out: train on every other cohort, test on the one left out",
        variants:
          "identity only: augmented embeddings exist for the training cohort alone, so every fold trains on unaugmented patches",
        centres,
        pooled: PooledMetrics.map((m) => poolCentres(centres, m, config.evaluation.ciLevel)),
      },
    };
  },
};
