import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {
  Aggregations,
  Balancings,
  CiMethods,
  DemoScales,
  Levels,
  PatientIdModes,
  Protocols,
  Variants,
} from "../../src/components/study/vocabulary.js";
import {normalizeAblation} from "./normalizeAblation.js";
import {normalizeDeclaredColumns} from "./normalizeDeclaredColumns.js";
import {normalizeImaging} from "./normalizeImaging.js";
import {normalizeModel} from "./normalizeModel.js";
import {normalizeOutcomes} from "./normalizeOutcomes.js";
import {normalizePatches} from "./normalizePatches.js";
import {normalizeSensitivity} from "./normalizeSensitivity.js";
import {DemoOptimismReplicates, protocolDefaults} from "./protocolDefaults.js";
import {ConfigError, nullableText, number, oneOf, record, subsetOf, text, textList} from "./validate.js";

/**
 * Turns an untrusted study specification into a fully defaulted StudyConfig, or throws a ConfigError. The larger
 * sections are normalised in files of their own (normalizeImaging, normalizePatches, normalizeModel, normalizeAblation,
 * normalizeSensitivity, normalizeDeclaredColumns, normalizeOutcomes); the small ones and the checks across sections stay here.
 */
export function normalizeStudyConfig(spec: unknown): StudyConfig {
  const root = record("study config", spec ?? {}, [
    "protocol",
    "study",
    "cohorts",
    "imaging",
    "patches",
    "augmentation",
    "model",
    "seeds",
    "evaluation",
    "clinical",
    "site",
    "ablation",
    "sensitivity",
    "optimism",
    "outcomes",
  ]);
  const protocol = oneOf("protocol", root.protocol, Protocols, "paper");
  const d = protocolDefaults(protocol);

  const study = record("study", root.study, ["name", "manifest", "demo"]);
  const demo = record("study.demo", study.demo, ["scale", "seed"]);
  const cohorts = record("cohorts", root.cohorts, ["training", "validation"]);
  const augmentation = record("augmentation", root.augmentation, ["variants", "balancing"]);
  const seeds = record("seeds", root.seeds, ["training", "augmentation", "bootstrap", "extraSeeds"]);
  const evaluation = record("evaluation", root.evaluation, [
    "bootstrapReplicates",
    "ciLevel",
    "ciMethod",
    "primaryLevel",
    "aggregation",
    "decisionCurve",
    "calibrationBins",
  ]);
  const dca = record("evaluation.decisionCurve", evaluation.decisionCurve, ["from", "to", "step"]);
  const clinical = record("clinical", root.clinical, ["columns"]);
  const site = record("site", root.site, ["patientIds"]);
  // A real study publishes pseudonymous ids unless told otherwise; the demo's ids are synthetic and stay readable.
  const manifest = nullableText("study.manifest", study.manifest, d.study.manifest);

  const seed = (path: string, value: unknown, fallback: number) =>
    number(path, value, fallback, {integer: true, min: 0, max: 2 ** 32 - 1});

  const config: StudyConfig = {
    protocol,
    study: {
      name: text("study.name", study.name, study.manifest ? "Study" : d.study.name),
      manifest,
      demo: {
        scale: oneOf("study.demo.scale", demo.scale, DemoScales, d.study.demo.scale),
        seed: seed("study.demo.seed", demo.seed, d.study.demo.seed),
      },
    },
    cohorts: {
      training: text("cohorts.training", cohorts.training, d.cohorts.training),
      validation: textList("cohorts.validation", cohorts.validation, d.cohorts.validation),
    },
    imaging: normalizeImaging(root.imaging, d.imaging),
    patches: normalizePatches(root.patches, d.patches),
    augmentation: {
      variants: subsetOf("augmentation.variants", augmentation.variants, Variants, d.augmentation.variants),
      balancing: oneOf("augmentation.balancing", augmentation.balancing, Balancings, d.augmentation.balancing),
    },
    model: normalizeModel(root.model, d.model),
    seeds: {
      training: seed("seeds.training", seeds.training, d.seeds.training),
      augmentation: seed("seeds.augmentation", seeds.augmentation, d.seeds.augmentation),
      bootstrap: seed("seeds.bootstrap", seeds.bootstrap, d.seeds.bootstrap),
      extraSeeds: number("seeds.extraSeeds", seeds.extraSeeds, d.seeds.extraSeeds, {integer: true, min: 0, max: 20}),
    },
    evaluation: {
      bootstrapReplicates: number(
        "evaluation.bootstrapReplicates",
        evaluation.bootstrapReplicates,
        d.evaluation.bootstrapReplicates,
        {integer: true, min: 100, max: 100000},
      ),
      ciLevel: number("evaluation.ciLevel", evaluation.ciLevel, d.evaluation.ciLevel, {above: 0.5, max: 0.999}),
      ciMethod: oneOf("evaluation.ciMethod", evaluation.ciMethod, CiMethods, d.evaluation.ciMethod),
      primaryLevel: oneOf("evaluation.primaryLevel", evaluation.primaryLevel, Levels, d.evaluation.primaryLevel),
      aggregation: oneOf("evaluation.aggregation", evaluation.aggregation, Aggregations, d.evaluation.aggregation),
      decisionCurve: {
        from: number("evaluation.decisionCurve.from", dca.from, d.evaluation.decisionCurve.from, {above: 0, max: 0.99}),
        to: number("evaluation.decisionCurve.to", dca.to, d.evaluation.decisionCurve.to, {above: 0, max: 0.999}),
        step: number("evaluation.decisionCurve.step", dca.step, d.evaluation.decisionCurve.step, {
          min: 0.001,
          max: 0.5,
        }),
      },
      calibrationBins: number("evaluation.calibrationBins", evaluation.calibrationBins, d.evaluation.calibrationBins, {
        integer: true,
        min: 2,
        max: 100,
      }),
    },
    clinical: {columns: normalizeDeclaredColumns("clinical.columns", clinical.columns)},
    site: {
      patientIds: oneOf("site.patientIds", site.patientIds, PatientIdModes, manifest ? "pseudonymous" : "as-is"),
    },
    ablation: normalizeAblation(root.ablation, d.ablation),
    sensitivity: normalizeSensitivity(root.sensitivity, d.sensitivity),
    optimism: {
      replicates: number(
        "optimism.replicates",
        record("optimism", root.optimism, ["replicates"]).replicates,
        manifest ? d.optimism.replicates : DemoOptimismReplicates,
        {integer: true, min: 0, max: 1000},
      ),
    },
    outcomes: normalizeOutcomes(root.outcomes, d.outcomes),
  };
  checkConsistency(config);
  return config;
}

function checkConsistency(config: StudyConfig): void {
  const {decisionCurve} = config.evaluation;
  if (decisionCurve.from >= decisionCurve.to) {
    throw new ConfigError(
      `evaluation.decisionCurve: expected from < to, got from ${decisionCurve.from} and to ${decisionCurve.to}`,
    );
  }
  if (config.model.head === "softmax" && config.model.loss === "binaryCrossentropy") {
    throw new ConfigError(
      'model.loss: expected "categoricalCrossentropy" with a softmax head, got "binaryCrossentropy"',
    );
  }
  if (config.model.priorCorrection === "trainingPrevalence" && config.model.head !== "softmax") {
    throw new ConfigError(
      `model.priorCorrection: "trainingPrevalence" shifts softmax intercepts and needs model.head "softmax", got "${config.model.head}" (set model.priorCorrection to "none")`,
    );
  }
  if (!config.augmentation.variants.includes("identity")) {
    throw new ConfigError(
      `augmentation.variants: expected the list to include "identity" (the unaugmented patch), got ${JSON.stringify(config.augmentation.variants)}`,
    );
  }
  if (config.cohorts.validation.includes(config.cohorts.training)) {
    throw new ConfigError(
      `cohorts.validation: expected cohorts other than the training cohort "${config.cohorts.training}", got it in the list`,
    );
  }
  if (config.patches.channels === "slices" && config.patches.patchesPerSlice < 1) {
    throw new ConfigError("patches.patchesPerSlice: expected ≥ 1 with channels = slices");
  }
}
