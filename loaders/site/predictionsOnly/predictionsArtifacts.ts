import JSZip from "jszip";
import type {
  CohortsArtifact,
  GalleryArtifact,
  MetricsArtifact,
  PredictionsOnly,
  ProtocolArtifact,
  Provenance,
  TrainingArtifact,
} from "../../../src/components/artifacts.js";
import {writePredictionsCsv} from "../../../src/components/predictions/writePredictionsCsv.js";
import type {Evaluation} from "../../../src/components/stats/evaluatePredictions.js";
import {switchProtocol} from "../../config/protocolDefaults.js";
import {protocolTable} from "../../config/protocolTable.js";
import {configHash} from "../../hash.js";
import {ZipEpoch} from "../galleryZip.js";
import {evaluatePredictionsStudy, type PredictionsStudy} from "./predictionsStudy.js";

/**
 * Every artifact the pages read, built from a predictions CSV instead of the image pipeline. The statistics are the
 * ones `workbench evaluate` computes for the same file under the study's evaluation settings (1000 replicates, seed
 * 1, level 0.95 by default, the same as evaluate's defaults); what needs images or a model (patches, activation maps,
 * training curves) is empty and says why. In these artifacts `runs` and `protocols` hold only the protocols the CSV
 * has: the pages offer the protocols present (they never assume both).
 */

const emptyImages = (study: PredictionsStudy) =>
  `This report was built from the predictions file ${study.predictions.file} alone (workbench report or ` +
  "WORKBENCH_PREDICTIONS): it has no CT images and no trained model";
export const galleryEmptyReason = (study: PredictionsStudy) =>
  `${emptyImages(study)}, so there are no patches or class-activation maps to show.`;
export const trainingEmptyReason = (study: PredictionsStudy) =>
  `${emptyImages(study)}, so there are no training curves; the model was trained elsewhere.`;

export function predictionsOnlyInfo(study: PredictionsStudy): PredictionsOnly {
  return {
    predictions: study.predictions,
    clinical: study.clinicalFile,
    level: study.level,
    reason: `${emptyImages(study)}: the Gallery and the Training curves are empty, every statistic comes from the file.`,
  };
}

/** data/metrics.json: the evaluation of each protocol present (see the module comment on partial records). */
export function predictionsMetrics(study: PredictionsStudy): MetricsArtifact {
  const evaluations = evaluatePredictionsStudy(study);
  const primary = evaluations[study.config.protocol] ?? (Object.values(evaluations)[0] as Evaluation);
  return {options: primary.options, protocols: evaluations as MetricsArtifact["protocols"]};
}

/** data/predictions.csv: the file's rows with their protocol and split, ids as published. */
export function predictionsSiteCsv(study: PredictionsStudy): string {
  return writePredictionsCsv(study.rows);
}

/** data/protocol.json: the configuration, the evaluation rows of the methods table, and each protocol's provenance. */
export function predictionsProtocol(study: PredictionsStudy): ProtocolArtifact {
  const runs: Partial<ProtocolArtifact["runs"]> = {};
  for (const protocol of study.protocols) {
    const config = switchProtocol(study.config, protocol);
    const provenance: Provenance = {
      runId: `predictions-${study.predictions.sha256.slice(0, 12)}`,
      protocol,
      seed: config.seeds.bootstrap,
      dataHash: study.predictions.sha256,
      weightsHash: "none (predictions only)",
      configHash: configHash(config),
      codeVersion: "none (predictions only)",
      engine: "none",
      backend: "none",
      synthetic: false,
      headNote: `probabilities as given in ${study.predictions.file}`,
      versions: {},
      predictions: study.predictions,
    };
    runs[protocol] = provenance;
  }
  const primary = study.protocols.includes(study.config.protocol)
    ? study.config.protocol
    : (study.protocols[0] ?? study.config.protocol);
  // Without a study file the default name would call the user's model the synthetic demo: name the file instead.
  const name = study.loaded.source ? study.config.study.name : `Predictions from ${study.predictions.file}`;
  // A file of patient rows has no patch level: the pages open at the level the file has.
  const evaluation =
    study.level === "patient"
      ? {...study.config.evaluation, primaryLevel: "patient" as const}
      : study.config.evaluation;
  const config = {...study.config, protocol: primary, evaluation, study: {...study.config.study, name, manifest: null}};
  return {
    config,
    source: study.loaded.source ? "study file" : "built-in defaults",
    // Only the evaluation settings apply: preprocessing, the model and training happened wherever the CSV was made.
    table: protocolTable(config).filter((row) => row.key.startsWith("evaluation.")),
    runs: runs as ProtocolArtifact["runs"],
    primary,
    timings: [],
    cost: null,
    predictionsOnly: predictionsOnlyInfo(study),
  };
}

/** data/cohorts.json: one clinical row per patient (clinical columns from the clinical CSV, else none); flow = all. */
export function predictionsCohorts(study: PredictionsStudy): CohortsArtifact {
  const columns = study.clinical?.columns ?? [];
  const clinical: CohortsArtifact["clinical"] = [];
  const seen = new Set<string>();
  const flow: CohortsArtifact["flow"] = {};
  const primaryRows = study.rows.filter((r) => r.protocol === (study.protocols[0] ?? r.protocol));
  for (const r of primaryRows) {
    let cohortFlow = flow[r.cohort];
    if (!cohortFlow) {
      cohortFlow = {eligible: 0, excluded: [], analysedPatients: 0, analysedPatches: 0, fallbackPatients: []};
      flow[r.cohort] = cohortFlow;
    }
    if (r.patchId !== undefined) cohortFlow.analysedPatches++;
    if (seen.has(r.patientId)) continue;
    seen.add(r.patientId);
    cohortFlow.eligible++;
    cohortFlow.analysedPatients++;
    const values = study.clinical?.byPatient.get(r.patientId) ?? {};
    const row: CohortsArtifact["clinical"][number] = {patient_id: r.patientId, cohort: r.cohort, label: r.label};
    for (const c of columns) row[c] = values[c] ?? null;
    clinical.push(row);
  }
  return {
    synthetic: false,
    trainingCohort: study.config.cohorts.training,
    cohorts: Object.keys(flow),
    clinical,
    clinicalColumns: columns,
    flow,
  };
}

/** data/training.json: no curves, and why. */
export function predictionsTraining(study: PredictionsStudy): TrainingArtifact {
  return {curves: [], emptyReason: trainingEmptyReason(study)};
}

/** data/gallery.zip: gallery.json with no items, and why (same fixed timestamp as the image gallery). */
export async function predictionsGallery(study: PredictionsStudy): Promise<Uint8Array> {
  const gallery: GalleryArtifact = {
    protocol: study.protocols[0] ?? study.config.protocol,
    items: [],
    emptyReason: galleryEmptyReason(study),
  };
  const zip = new JSZip();
  zip.file("gallery.json", JSON.stringify(gallery), {date: ZipEpoch});
  return zip.generateAsync({type: "uint8array", compression: "STORE"});
}
