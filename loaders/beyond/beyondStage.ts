import {modelIdOf} from "../../models/resnet50.js";
import type {BeyondArtifact} from "../../src/components/beyond/beyondArtifact.js";
import {calibrationExtras} from "../../src/components/beyond/calibrationExtras.js";
import {centreMetrics, type PatientPrediction} from "../../src/components/beyond/centreMetrics.js";
import {type ComparisonPatient, clinicalComparison} from "../../src/components/beyond/clinicalComparison.js";
import {ordinalSummary} from "../../src/components/beyond/ordinalSummary.js";
import {poolCentres} from "../../src/components/beyond/poolCentres.js";
import {sampleSizeRow} from "../../src/components/beyond/sampleSizeSummary.js";
import {stratifiedFolds} from "../../src/components/beyond/stratifiedFolds.js";
import {thresholdGrid} from "../../src/components/stats/decisionCurve.js";
import type {ClinicalValue} from "../../src/components/stats/designMatrix.js";
import {deriveSeed} from "../../src/components/stats/random.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {labelIndex, ResponseLabels, type Variant} from "../../src/components/study/vocabulary.js";
import type {PatchSet} from "../imaging/patchSet.js";
import type {ClinicalRow} from "../imaging/preprocessedStudy.js";
import type {ModelArtifact} from "../train/modelArtifact.js";
import {InputSize} from "../train/trainHead.js";
import {cachedEmbeddings} from "./cachedEmbeddings.js";
import {clinicalPredictors} from "./clinicalPredictors.js";
import {patientLevel} from "./patientLevel.js";
import {type EmbeddedRows, labelIndices, refitHead, selectRows} from "./refitHead.js";

/**
 * The pipeline's "beyond the paper" stage (issue #14), on the corrected protocol's run and its cached embeddings —
 * heads are refitted, the backbone never runs:
 * - the image model's out-of-fold scores on the training cohort (k-fold by patient, stratified by class, the head
 *   refitted per fold with the configured variants) for honest stacking into the combined clinical + image model;
 * - internal–external cross-validation: each cohort left out in turn, the head trained on all the others with the
 *   identity variant only (augmented embeddings exist for the training cohort alone, so every fold uses the same);
 * - the clinical comparison, ordinal agreement, calibration extras and Riley sample sizes, from those predictions.
 */
export const OutOfFoldFolds = 5;

export interface BeyondInput {
  config: StudyConfig;
  cohorts: Record<string, PatchSet>;
  model: ModelArtifact;
  clinical: readonly ClinicalRow[];
  clinicalColumns: readonly string[];
  embeddingsDir: string;
  log(message: string): void;
}

const seconds = (start: number) => (performance.now() - start) / 1000;

export async function beyondStage(input: BeyondInput): Promise<BeyondArtifact> {
  const {config, cohorts, model, log} = input;
  const {provenance} = model;
  const training = provenance.trainingCohort;
  const names = [training, ...provenance.validationCohorts];
  const aggregation = config.evaluation.aggregation;
  const seed = config.seeds.bootstrap;
  const ciLevel = config.evaluation.ciLevel;
  const replicates = config.evaluation.bootstrapReplicates;
  const cacheKey = {
    cacheDir: input.embeddingsDir,
    modelId: modelIdOf(provenance.weightsHash, provenance.batchNormEpsilon),
    engine: provenance.engine,
  };
  const variantsOf = (name: string): Variant[] =>
    name === training ? [...config.augmentation.variants] : ["identity"];
  const embedded = new Map<string, EmbeddedRows>();
  for (const name of names) {
    const set = cohorts[name];
    if (!set) throw new Error(`beyond the paper: cohort ${name} of run ${model.runId} is not in the study`);
    embedded.set(name, {
      x: await cachedEmbeddings(set, variantsOf(name), cacheKey),
      labels: labelIndices(
        set.records.map((r) => r.label),
        `cohort ${name}`,
      ),
    });
  }
  const rowsOf = (name: string) =>
    Array.from({length: (embedded.get(name) as EmbeddedRows).labels.length}, (_, i) => i);
  const patchRows = (name: string, probs: Float64Array, rows: readonly number[]) => {
    const set = cohorts[name] as PatchSet;
    return rows.map((r, k) => ({
      patientId: set.records[r]?.patientId as string,
      label: set.records[r]?.label as string,
      probabilities: Array.from(probs.subarray(k * 4, k * 4 + 4)),
    }));
  };

  // Out-of-fold image scores on the training cohort: folds of patients, so a patient's patches stay together.
  let started = performance.now();
  const trainSet = cohorts[training] as PatchSet;
  const trainPatients = [...new Set(trainSet.records.map((r) => r.patientId))];
  const patientLabel = new Map(
    trainSet.records.map((r) => [r.patientId, labelIndex(r.label, `patient ${r.patientId}`)]),
  );
  const folds = Math.min(OutOfFoldFolds, trainPatients.length);
  const foldOf = new Map<string, number>();
  const assignment = stratifiedFolds(
    trainPatients.map((p) => patientLabel.get(p) as number),
    folds,
    deriveSeed(config.seeds.training, "out-of-fold"),
  );
  trainPatients.forEach((p, i) => {
    foldOf.set(p, assignment[i] as number);
  });
  const trainEmbedded = embedded.get(training) as EmbeddedRows;
  const oofRows: ReturnType<typeof patchRows> = [];
  for (let f = 0; f < folds; f++) {
    const inFold = rowsOf(training).filter((r) => foldOf.get(trainSet.records[r]?.patientId as string) === f);
    const outFold = rowsOf(training).filter((r) => foldOf.get(trainSet.records[r]?.patientId as string) !== f);
    const probs = refitHead(
      `${training} fold ${f + 1}`,
      selectRows([{set: trainEmbedded, rows: outFold}], config.augmentation.variants),
      selectRows([{set: trainEmbedded, rows: inFold}], ["identity"]),
      config,
      config.augmentation.variants,
    );
    oofRows.push(...patchRows(training, probs, inFold));
  }
  const oof = patientLevel(oofRows, aggregation);
  const outOfFoldSeconds = seconds(started);
  log(`beyond: ${folds}-fold out-of-fold image scores on ${training} in ${outOfFoldSeconds.toFixed(1)} s`);

  // Internal–external cross-validation: leave each cohort out, identity embeddings only.
  started = performance.now();
  // One centre: leaving it out leaves nothing to train on, so the analysis says so instead of failing the stage.
  const oneCentre = names.length < 2;
  const centres = (oneCentre ? [] : names).map((left) => {
    const others = names.filter((n) => n !== left);
    const probs = refitHead(
      `without ${left}`,
      selectRows(
        others.map((n) => ({set: embedded.get(n) as EmbeddedRows, rows: rowsOf(n)})),
        ["identity"],
      ),
      selectRows([{set: embedded.get(left) as EmbeddedRows, rows: rowsOf(left)}], ["identity"]),
      config,
      ["identity"],
    );
    return centreMetrics(left, patientLevel(patchRows(left, probs, rowsOf(left)), aggregation), ciLevel);
  });
  const acrossSeconds = seconds(started);
  log(`beyond: leave-one-centre-out (${names.length} folds) in ${acrossSeconds.toFixed(1)} s`);

  // The run's own patient-level predictions, per cohort.
  started = performance.now();
  const byCohort = new Map<string, ReturnType<typeof patientLevel>>();
  for (const name of names) {
    byCohort.set(
      name,
      patientLevel(
        model.predictions.filter((p) => p.cohort === name),
        aggregation,
      ),
    );
  }
  const external = provenance.validationCohorts.map((cohort) => ({
    cohort,
    patients: byCohort.get(cohort) ?? [],
  }));

  const predictors = clinicalPredictors(input.clinicalColumns, config.clinical.columns);
  let clinical: BeyondArtifact["clinical"] = null;
  let clinicalNote: string | undefined;
  if (predictors.length === 0) {
    clinicalNote = "the study has no clinical columns, so there is no clinical model to compare with";
  } else {
    const records = new Map(
      input.clinical.filter((r) => r.analysed).map((r) => [`${r.cohort}\u0000${r.patient_id}`, r]),
    );
    // The label comes from the patches (canonical spelling), the image probabilities from the out-of-fold fits on
    // the training cohort and from the run itself elsewhere.
    const imageOf = new Map<string, PatientPrediction>();
    for (const p of oof) imageOf.set(`${training}\u0000${p.patientId}`, p);
    for (const {cohort, patients} of external)
      for (const p of patients) imageOf.set(`${cohort}\u0000${p.patientId}`, p);
    const patients: ComparisonPatient[] = [];
    for (const [key, {label, probabilities: image}] of imageOf) {
      const [cohort, patientId] = key.split("\u0000") as [string, string];
      const row = records.get(key);
      if (!row) throw new Error(`beyond the paper: cohort ${cohort}, patient ${patientId}: no clinical row`);
      const clinicalValues: Record<string, ClinicalValue> = {};
      for (const p of predictors) clinicalValues[p.name] = row[p.name] as ClinicalValue;
      patients.push({
        patientId,
        cohort,
        label,
        clinical: clinicalValues,
        image,
      });
    }
    try {
      clinical = clinicalComparison(patients, {
        trainingCohort: training,
        predictors,
        classes: ResponseLabels.length,
        seed,
        replicates,
        ciLevel,
        thresholds: thresholdGrid(
          config.evaluation.decisionCurve.step,
          config.evaluation.decisionCurve.from,
          config.evaluation.decisionCurve.to,
        ),
      });
    } catch (error) {
      clinicalNote = `the clinical model could not be fitted: ${(error as Error).message}`;
    }
  }
  const artifact: BeyondArtifact = {
    synthetic: model.synthetic,
    protocol: config.protocol,
    runId: model.runId,
    dataHash: model.dataHash,
    seed,
    replicates,
    ciLevel,
    aggregation,
    classes: [...ResponseLabels],
    trainingCohort: training,
    stacking: {
      folds,
      scheme: `${folds}-fold cross-validation by patient within ${training}, stratified by response class; the head is refitted on the other folds' cached embeddings (all ${config.augmentation.variants.length} configured variants) and scores the held-out fold`,
    },
    clinical,
    ...(clinicalNote ? {clinicalNote} : {}),
    acrossCentres: {
      scheme: "leave one centre out: train on every other cohort, test on the one left out",
      variants:
        "identity only: augmented embeddings exist for the training cohort alone, so every fold trains on unaugmented patches",
      centres,
      pooled: oneCentre
        ? []
        : (["auc", "accuracy", "calibrationSlope"] as const).map((m) => poolCentres(centres, m, ciLevel)),
      ...(oneCentre
        ? {
            notApplicable: `the study has one centre (${training}): leaving it out leaves no patient to train on, and transportability across centres needs at least two`,
          }
        : {}),
    },
    ordinal: external.map(({cohort, patients}) =>
      ordinalSummary(cohort, patients, ResponseLabels.length, {replicates, seed, ciLevel}),
    ),
    calibration: calibrationExtras(external, {
      classes: ResponseLabels.length,
      replicates,
      seed,
      ciLevel,
      bins: config.evaluation.calibrationBins,
    }),
    sampleSize: [
      sampleSizeRow(`image head (${InputSize} features)`, InputSize, classCounts(byCohort.get(training) ?? [])),
      ...(clinical
        ? [
            sampleSizeRow(
              `clinical model (${clinical.clinical.columns.length} columns)`,
              clinical.clinical.columns.length,
              clinical.training.classCounts,
            ),
          ]
        : []),
    ],
    seconds: {outOfFold: outOfFoldSeconds, acrossCentres: acrossSeconds, statistics: 0},
  };
  artifact.seconds.statistics = seconds(started);
  log(`beyond: statistics in ${artifact.seconds.statistics.toFixed(1)} s`);
  return artifact;
}

function classCounts(patients: readonly PatientPrediction[]): number[] {
  const counts = new Array<number>(ResponseLabels.length).fill(0);
  for (const p of patients) counts[p.label] = (counts[p.label] as number) + 1;
  return counts;
}
