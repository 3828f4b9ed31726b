import type {AblationArtifact} from "../../src/components/ablation/ablationArtifact.js";
import type {Provenance} from "../../src/components/artifacts.js";
import {writePredictionsCsv} from "../../src/components/predictions/writePredictionsCsv.js";
import {configHash} from "../hash.js";
import type {PipelineResult} from "../pipeline/runPipeline.js";

/**
 * data/ablation.json and data/ablation-predictions.csv from a (published) pipeline result. The provenance is the
 * paper-protocol run the ladder starts from (its embeddings; the rungs' own seeds are in each rung). The CSV holds
 * each rung's seed-averaged patch predictions with the rung id in the protocol column, so that
 * `workbench evaluate --predictions ablation-predictions.csv --paired class-weights,softmax-head` reproduces a paired
 * ΔAUC of the page.
 */
export function ablationArtifact(result: PipelineResult): AblationArtifact {
  const model = result.models.paper;
  const provenance: Provenance = {
    runId: model.runId,
    protocol: "paper",
    seed: model.config.seeds.training,
    dataHash: result.dataHash,
    weightsHash: model.provenance.weightsHash,
    configHash: configHash(model.config),
    codeVersion: result.codeVersion,
    engine: model.provenance.engine,
    backend: model.provenance.backend,
    synthetic: result.synthetic,
    headNote: "ablation ladder: heads retrained on this run's cached embeddings, several seeds per rung",
    versions: model.provenance.versions,
  };
  const ladder = result.analyses.ablation;
  if (ladder.status !== "ok") {
    return {
      ...emptyAblation(
        ladder.status === "failed" ? `The ablation stage failed: ${ladder.reason}` : `${capitalise(ladder.reason)}.`,
        result.config.evaluation.ciLevel,
      ),
      provenance,
    };
  }
  return {...ladder.value.artifact, provenance};
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The artifact of a ladder that did not run. It still carries the study's `ciLevel`: the page's prose names the
 * level whether or not the ladder ran, and must name the configured one.
 */
export function emptyAblation(reason: string, ciLevel: number): AblationArtifact {
  return {
    enabled: false,
    reason,
    provenance: null,
    trainingCohort: "",
    externalCohorts: [],
    options: {seeds: 0, bootstrap: 0, ciLevel, thresholds: [], pairing: ""},
    budget: null,
    correctedRecipeHash: "",
    reproducesCorrected: null,
    rungs: [],
    analysis: [],
  };
}

export function ablationPredictionsCsv(result: PipelineResult): string {
  const training = result.config.cohorts.training;
  return writePredictionsCsv(
    (result.analyses.ablation.status === "ok" ? result.analyses.ablation.value.predictions : []).flatMap(
      ({rung, rows}) =>
        rows.map((p) => ({
          ...p,
          protocol: rung,
          split: p.cohort === training ? ("training" as const) : ("validation" as const),
        })),
    ),
  );
}
