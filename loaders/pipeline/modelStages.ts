import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {Evaluation, PredictionRow} from "../../src/components/stats/evaluatePredictions.js";
import {evaluatePredictions} from "../../src/components/stats/evaluatePredictions.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {type Protocol, Protocols} from "../../src/components/study/vocabulary.js";
import {evaluateKey, modelKey} from "../cache/stageKeys.js";
import {switchProtocol} from "../config/protocolDefaults.js";
import {backboneSpec} from "../features/backboneSpec.js";
import {createEngine} from "../features/createEngine.js";
import type {EmbeddingEngine} from "../features/engine.js";
import type {PatchSet} from "../imaging/patchSet.js";
import {embeddingsBeside} from "../paths.js";
import {type ModelArtifact, type ProtocolRuns, readModelArtifact, writeModelArtifact} from "../train/modelArtifact.js";
import {runModel} from "../train/runModel.js";
import {evaluationOptions} from "./evaluationOptions.js";
import {measureThroughput} from "./measureThroughput.js";
import type {StudyContext} from "./prepareStudy.js";
import {type StageTiming, type Timed, timed} from "./stageTiming.js";

/**
 * The model stage (features, train, predict) and the evaluate stage, through the artifact cache. The main runs of
 * both protocols and every geometry of the sensitivity analysis go through these two, so they are written once here.
 * The protocols differ in the head, loss and evaluation only, so one backbone (weights, BatchNorm epsilon, backend)
 * serves every run, and its engine is loaded only on the first cache miss; the caller disposes of it at the end.
 */
export interface ModelStages {
  /**
   * One protocol's configuration on one patch store (`stage` is its preprocess entry). `cams: false` (sensitivity
   * runs) skips the gallery's class activation maps and is part of the key, so the main runs' keys are unchanged.
   */
  model(
    protocol: Protocol,
    protocolConfig: StudyConfig,
    stage: {key: string},
    cohorts: Record<string, PatchSet>,
    cams?: boolean,
  ): Promise<{dir: string; key: string; value: Timed<string>; hit: boolean}>;
  evaluate(
    protocol: Protocol,
    protocolConfig: StudyConfig,
    model: {key: string; dir: string},
  ): Promise<{artifact: ModelArtifact; evaluation: {value: number; hit: boolean}; metrics: Evaluation}>;
  dispose(): Promise<void>;
}

export function createModelStages(ctx: StudyContext, runsDir: string, log: (message: string) => void): ModelStages {
  const {cache, config, stageCode, synthetic, dataHash, code} = ctx;
  const backbone = backboneSpec(config);
  let engine: EmbeddingEngine | undefined;
  let throughput: number | null = null;
  // The int8 engine is calibrated on the training cohort of the patch store it embeds: a run on another store (a
  // geometry of the sensitivity analysis) gets its own, so no run depends on which other runs were cached.
  let calibratedOn: PatchSet | undefined;
  return {
    model(protocol, protocolConfig, stage, cohorts, cams = true) {
      const key = {...modelKey(protocolConfig, protocol, stage.key, stageCode), ...(cams ? {} : {cams: false})};
      return cache.get(`model-${protocol}`, key, (dir) =>
        timed(async () => {
          const training = cohorts[config.cohorts.training];
          if (engine && config.model.engine === "onnx-int8" && training !== calibratedOn) {
            await engine.dispose();
            engine = undefined;
          }
          if (!engine) {
            calibratedOn = training;
            const int8 = training ? {trainingCohort: training} : undefined;
            engine = await createEngine(backbone, config.model.engine, {log}, int8);
            throughput = await measureThroughput(engine, Object.values(cohorts));
            log(`engine ${engine.name}: ${throughput?.toFixed(1) ?? "?"} embeddings/s`);
          }
          const run = await runModel(
            {
              cohorts,
              config: protocolConfig,
              engine,
              backbone,
              cacheDir: embeddingsBeside(cache.root),
              runsDir,
              ...(cams ? {} : {galleryPatchIds: () => []}),
            },
            {log},
          );
          await writeModelArtifact(dir, {
            ...run,
            synthetic,
            dataHash,
            codeVersion: code,
            embeddingsPerSecond: throughput,
          });
          return run.runId;
        }),
      );
    },
    async evaluate(protocol, protocolConfig, model) {
      const artifact = await readModelArtifact(model.dir);
      const evaluation = await cache.get(
        `evaluate-${protocol}`,
        evaluateKey(protocolConfig, model.key, stageCode),
        async (dir) => {
          const result = await timed(async () =>
            evaluatePredictions(toPredictionRows(artifact), evaluationOptions(protocolConfig)),
          );
          await writeFile(join(dir, "metrics.json"), JSON.stringify(result.value));
          return result.seconds;
        },
      );
      const metrics = JSON.parse(await readFile(join(evaluation.dir, "metrics.json"), "utf8")) as Evaluation;
      return {artifact, evaluation, metrics};
    },
    async dispose() {
      await engine?.dispose();
    },
  };
}

/**
 * The main runs: model then evaluate for each protocol in vocabulary order, both on the main patch store `prep`
 * (and so on the same cached embeddings). Their timings are appended to `timings` in that order.
 */
export async function runProtocols(
  stages: ModelStages,
  config: StudyConfig,
  prep: {key: string},
  cohorts: Record<string, PatchSet>,
  timings: StageTiming[],
): Promise<{models: ProtocolRuns; evaluations: Record<Protocol, Evaluation>; modelKeys: Record<Protocol, string>}> {
  const models = {} as ProtocolRuns;
  const evaluations = {} as Record<Protocol, Evaluation>;
  const modelKeys = {} as Record<Protocol, string>;
  for (const protocol of Protocols) {
    const protocolConfig = switchProtocol(config, protocol);
    const model = await stages.model(protocol, protocolConfig, prep, cohorts);
    timings.push({stage: `model (${protocol})`, seconds: model.value.seconds, cached: model.hit});
    const {artifact, evaluation, metrics} = await stages.evaluate(protocol, protocolConfig, model);
    models[protocol] = {...artifact, dir: model.dir, config: protocolConfig};
    modelKeys[protocol] = model.key;
    timings.push({stage: `evaluate (${protocol})`, seconds: evaluation.value, cached: evaluation.hit});
    evaluations[protocol] = metrics;
  }
  return {models, evaluations, modelKeys};
}

export function toPredictionRows(model: ModelArtifact): PredictionRow[] {
  return model.predictions.map((p) => ({
    patientId: p.patientId,
    cohort: p.cohort,
    label: p.label,
    probabilities: p.probabilities,
    patchId: p.patchId,
  }));
}
