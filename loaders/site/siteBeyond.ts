import type {BeyondArtifact} from "../../src/components/beyond/beyondArtifact.js";
import type {ClinicalComparison} from "../../src/components/beyond/clinicalComparison.js";
import {evaluateClinicalTable} from "../beyond/evaluateClinical.js";
import {predictionsModeFromEnv} from "./predictionsOnly/predictionsMode.js";
import {predictionsStudyFromEnv} from "./predictionsOnly/predictionsStudyFromEnv.js";

/**
 * data/beyond.json: the beyond-the-paper analyses of the pipeline's corrected run. A predictions-only site has no
 * embeddings to refit heads on, so `beyond` is null (the pages say why); with a clinical table (`report --clinical`)
 * it still has the Clinical baseline comparison, computed as `workbench evaluate --clinical` computes it, in
 * `clinicalOnly`. The artifact holds no patient id.
 */
export interface SiteBeyond {
  beyond: BeyondArtifact | null;
  reason?: string;
  clinicalOnly?: ClinicalOnly;
}

/** The Clinical baseline comparison of a predictions-only site: the fields of BeyondArtifact that page reads. */
export interface ClinicalOnly {
  clinical: ClinicalComparison;
  clinicalNote?: string;
  protocol: string;
  aggregation: string;
  stacking: {scheme: string};
  replicates: number;
  seed: number;
  ciLevel: number;
  trainingCohortRule: string;
}

export async function siteBeyond(): Promise<SiteBeyond> {
  if (predictionsModeFromEnv(process.env, process.cwd()) !== null) return predictionsBeyond();
  const {sitePipeline} = await import("./sitePipeline.js");
  const result = await sitePipeline();
  return result.beyond
    ? {beyond: result.beyond}
    : {beyond: null, reason: result.beyondError ?? "the pipeline did not run this stage"};
}

const noEmbeddings =
  "this report was built from a predictions file: there are no embeddings to refit the head on (ablation, across centres, optimism)";

async function predictionsBeyond(): Promise<SiteBeyond> {
  const found = await predictionsStudyFromEnv();
  const study = found?.study;
  if (!study?.clinical || !study.clinicalFile) {
    return {
      beyond: null,
      reason: `${noEmbeddings}, and no clinical table (workbench report --clinical) for the clinical comparison`,
    };
  }
  const {config} = study;
  const protocol = study.protocols.includes(config.protocol)
    ? config.protocol
    : (study.protocols[0] ?? config.protocol);
  const rows = study.rows.filter((r) => r.protocol === protocol);
  const cohorts = new Set(rows.map((r) => r.cohort));
  try {
    const evaluation = evaluateClinicalTable(
      rows,
      study.clinical,
      study.clinicalFile.file,
      {
        ...(cohorts.has(config.cohorts.training) ? {trainCohort: config.cohorts.training} : {}),
        bootstrap: config.evaluation.bootstrapReplicates,
        seed: config.seeds.bootstrap,
        ciLevel: config.evaluation.ciLevel,
        declared: config.clinical.columns,
      },
      (w) => process.stderr.write(`warning: ${w}\n`),
    );
    return {
      beyond: null,
      reason: noEmbeddings,
      clinicalOnly: {
        clinical: evaluation.comparison,
        protocol,
        aggregation: "mean",
        stacking: {scheme: evaluation.stacking},
        replicates: config.evaluation.bootstrapReplicates,
        seed: config.seeds.bootstrap,
        ciLevel: config.evaluation.ciLevel,
        trainingCohortRule: cohorts.has(config.cohorts.training)
          ? "the study's training cohort (cohorts.training)"
          : evaluation.trainingCohortRule,
      },
    };
  } catch (error) {
    return {beyond: null, reason: `${noEmbeddings}; the clinical comparison failed: ${(error as Error).message}`};
  }
}
