import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {
  Backends,
  Engines,
  FineTunes,
  HeadKinds,
  Losses,
  Optimizers,
  PriorCorrections,
} from "../../src/components/study/vocabulary.js";
import {fail, number, oneOf, record} from "./validate.js";

/**
 * The `model` section (backbone, head, loss, optimiser, schedule, engine): untrusted JSON → StudyConfig["model"],
 * every key defaulted from `fallback`. Split from normalizeStudyConfig.ts so the leaves the model stage implements for
 * one value only (`onlyImplemented`) sit beside the section they belong to; the head/loss check stays there.
 */
export function normalizeModel(value: unknown, fallback: StudyConfig["model"]): StudyConfig["model"] {
  const model = record("model", value, [
    "backbone",
    "frozenLayers",
    "batchNormEpsilon",
    "head",
    "loss",
    "priorCorrection",
    "optimizer",
    "momentum",
    "learningRate",
    "batchSize",
    "epochs",
    "fineTune",
    "engine",
    "backend",
  ]);
  const d = fallback;
  return {
    backbone: oneOf("model.backbone", model.backbone, ["resnet50-imagenet"] as const, d.backbone),
    frozenLayers: onlyImplemented(
      "model.frozenLayers",
      model.frozenLayers,
      d.frozenLayers,
      "174 (the backbone is frozen through avg_pool and only the head is trained; no other count is implemented)",
    ),
    batchNormEpsilon: number("model.batchNormEpsilon", model.batchNormEpsilon, d.batchNormEpsilon, {
      above: 0,
      max: 0.1,
    }),
    head: oneOf("model.head", model.head, HeadKinds, d.head),
    loss: oneOf("model.loss", model.loss, Losses, d.loss),
    priorCorrection: oneOf("model.priorCorrection", model.priorCorrection, PriorCorrections, d.priorCorrection),
    optimizer: oneOf("model.optimizer", model.optimizer, Optimizers, d.optimizer),
    momentum: number("model.momentum", model.momentum, d.momentum, {min: 0, max: 0.999}),
    learningRate: number("model.learningRate", model.learningRate, d.learningRate, {above: 0, max: 10}),
    batchSize: number("model.batchSize", model.batchSize, d.batchSize, {integer: true, min: 1, max: 4096}),
    epochs: number("model.epochs", model.epochs, d.epochs, {integer: true, min: 1, max: 10000}),
    fineTune: onlyImplemented(
      "model.fineTune",
      oneOf("model.fineTune", model.fineTune, FineTunes, d.fineTune),
      d.fineTune,
      '"none" (fine-tuning res5 is not implemented; the paper freezes the backbone)',
    ),
    engine: oneOf("model.engine", model.engine, Engines, d.engine),
    backend: oneOf("model.backend", model.backend, Backends, d.backend),
  };
}

/**
 * A leaf the schema names but the pipeline implements for one value only (the paper's): any other value is refused
 * here, when the configuration is read, rather than accepted and refused later by the model stage.
 */
function onlyImplemented<T>(path: string, value: unknown, implemented: T, expected: string): T {
  if (value !== undefined && value !== implemented) fail(path, expected, value);
  return implemented;
}
