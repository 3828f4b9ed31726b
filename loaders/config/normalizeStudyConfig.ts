import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {
  Aggregations,
  Backends,
  Balancings,
  ChannelModes,
  CiMethods,
  DemoScales,
  Engines,
  FineTunes,
  HeadKinds,
  InPlaneSpacings,
  Levels,
  Losses,
  Optimizers,
  PatchFallbacks,
  PatchGeometries,
  PatchLesions,
  PatientIdModes,
  Protocols,
  Variants,
} from "../../src/components/study/vocabulary.js";
import {normalizeAblation} from "./normalizeAblation.js";
import {normalizeDeclaredColumns} from "./normalizeDeclaredColumns.js";
import {normalizeSensitivity} from "./normalizeSensitivity.js";
import {protocolDefaults} from "./protocolDefaults.js";
import {ConfigError, fail, nullableText, number, oneOf, record, subsetOf, text, textList} from "./validate.js";

function window(path: string, value: unknown, fallback: {level: number; width: number}) {
  const w = record(path, value, ["level", "width"]);
  return {
    level: number(`${path}.level`, w.level, fallback.level, {min: -2000, max: 4000}),
    width: number(`${path}.width`, w.width, fallback.width, {above: 0, max: 6000}),
  };
}

function spacing(path: string, value: unknown, fallback: [number, number, number]): [number, number, number] {
  if (value === undefined) return [...fallback];
  if (typeof value === "number") {
    const s = number(path, value, 1, {above: 0, max: 20});
    return [s, s, s];
  }
  if (!Array.isArray(value) || value.length !== 3) {
    throw new ConfigError(
      `${path}: expected a positive number or an array of 3 positive numbers (mm), got ${JSON.stringify(value)}`,
    );
  }
  return value.map((v, i) => number(`${path}[${i}]`, v, 1, {above: 0, max: 20})) as [number, number, number];
}

/** Turns an untrusted study specification into a fully defaulted StudyConfig, or throws a ConfigError. */
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
  ]);
  const protocol = oneOf("protocol", root.protocol, Protocols, "paper");
  const d = protocolDefaults(protocol);

  const study = record("study", root.study, ["name", "manifest", "demo"]);
  const demo = record("study.demo", study.demo, ["scale", "seed"]);
  const cohorts = record("cohorts", root.cohorts, ["training", "validation"]);
  const imaging = record("imaging", root.imaging, ["window", "targetSpacingMm", "tumourLabel"]);
  const patches = record("patches", root.patches, [
    "geometry",
    "sizePx",
    "sizeMm",
    "minNativePx",
    "lesion",
    "inPlaneSpacing",
    "slicesPerPatient",
    "patchesPerSlice",
    "minSliceAreaFraction",
    "minRoiCoverage",
    "channels",
    "channelWindows",
    "fallback",
  ]);
  const augmentation = record("augmentation", root.augmentation, ["variants", "balancing"]);
  const model = record("model", root.model, [
    "backbone",
    "frozenLayers",
    "batchNormEpsilon",
    "head",
    "loss",
    "optimizer",
    "momentum",
    "learningRate",
    "batchSize",
    "epochs",
    "fineTune",
    "engine",
    "backend",
  ]);
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

  let tumourLabel: "nonzero" | number = d.imaging.tumourLabel;
  if (imaging.tumourLabel !== undefined) {
    tumourLabel =
      imaging.tumourLabel === "nonzero"
        ? "nonzero"
        : number("imaging.tumourLabel", imaging.tumourLabel, 1, {integer: true, min: 1, max: 65535});
  }

  const channelWindowsValue = patches.channelWindows;
  let channelWindows = d.patches.channelWindows.map((w) => ({...w}));
  if (channelWindowsValue !== undefined) {
    if (!Array.isArray(channelWindowsValue) || channelWindowsValue.length !== 3) {
      throw new ConfigError(
        `patches.channelWindows: expected an array of 3 windows {level, width}, got ${JSON.stringify(channelWindowsValue)}`,
      );
    }
    channelWindows = channelWindowsValue.map((w, i) =>
      window(`patches.channelWindows[${i}]`, w, {level: 50, width: 400}),
    );
  }

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
    imaging: {
      window: window("imaging.window", imaging.window, d.imaging.window),
      targetSpacingMm: spacing("imaging.targetSpacingMm", imaging.targetSpacingMm, d.imaging.targetSpacingMm),
      tumourLabel,
    },
    patches: {
      geometry: oneOf("patches.geometry", patches.geometry, PatchGeometries, d.patches.geometry),
      sizePx: number("patches.sizePx", patches.sizePx, d.patches.sizePx, {integer: true, min: 32, max: 1024}),
      sizeMm: number("patches.sizeMm", patches.sizeMm, d.patches.sizeMm, {above: 0, max: 300}),
      minNativePx: number("patches.minNativePx", patches.minNativePx, d.patches.minNativePx, {
        integer: true,
        min: 1,
        max: 1024,
      }),
      lesion: oneOf("patches.lesion", patches.lesion, PatchLesions, d.patches.lesion),
      inPlaneSpacing: oneOf(
        "patches.inPlaneSpacing",
        patches.inPlaneSpacing,
        InPlaneSpacings,
        d.patches.inPlaneSpacing,
      ),
      slicesPerPatient: number("patches.slicesPerPatient", patches.slicesPerPatient, d.patches.slicesPerPatient, {
        integer: true,
        min: 1,
        max: 50,
      }),
      patchesPerSlice: number("patches.patchesPerSlice", patches.patchesPerSlice, d.patches.patchesPerSlice, {
        integer: true,
        min: 1,
        max: 50,
      }),
      minSliceAreaFraction: number(
        "patches.minSliceAreaFraction",
        patches.minSliceAreaFraction,
        d.patches.minSliceAreaFraction,
        {min: 0, max: 1},
      ),
      minRoiCoverage: number("patches.minRoiCoverage", patches.minRoiCoverage, d.patches.minRoiCoverage, {
        above: 0,
        max: 1,
      }),
      channels: oneOf("patches.channels", patches.channels, ChannelModes, d.patches.channels),
      channelWindows,
      fallback: oneOf("patches.fallback", patches.fallback, PatchFallbacks, d.patches.fallback),
    },
    augmentation: {
      variants: subsetOf("augmentation.variants", augmentation.variants, Variants, d.augmentation.variants),
      balancing: oneOf("augmentation.balancing", augmentation.balancing, Balancings, d.augmentation.balancing),
    },
    model: {
      backbone: oneOf("model.backbone", model.backbone, ["resnet50-imagenet"] as const, d.model.backbone),
      frozenLayers: onlyImplemented(
        "model.frozenLayers",
        model.frozenLayers,
        d.model.frozenLayers,
        "174 (the backbone is frozen through avg_pool and only the head is trained; no other count is implemented)",
      ),
      batchNormEpsilon: number("model.batchNormEpsilon", model.batchNormEpsilon, d.model.batchNormEpsilon, {
        above: 0,
        max: 0.1,
      }),
      head: oneOf("model.head", model.head, HeadKinds, d.model.head),
      loss: oneOf("model.loss", model.loss, Losses, d.model.loss),
      optimizer: oneOf("model.optimizer", model.optimizer, Optimizers, d.model.optimizer),
      momentum: number("model.momentum", model.momentum, d.model.momentum, {min: 0, max: 0.999}),
      learningRate: number("model.learningRate", model.learningRate, d.model.learningRate, {above: 0, max: 10}),
      batchSize: number("model.batchSize", model.batchSize, d.model.batchSize, {integer: true, min: 1, max: 4096}),
      epochs: number("model.epochs", model.epochs, d.model.epochs, {integer: true, min: 1, max: 10000}),
      fineTune: onlyImplemented(
        "model.fineTune",
        oneOf("model.fineTune", model.fineTune, FineTunes, d.model.fineTune),
        d.model.fineTune,
        '"none" (fine-tuning res5 is not implemented; the paper freezes the backbone)',
      ),
      engine: oneOf("model.engine", model.engine, Engines, d.model.engine),
      backend: oneOf("model.backend", model.backend, Backends, d.model.backend),
    },
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
        d.optimism.replicates,
        {integer: true, min: 0, max: 1000},
      ),
    },
  };
  checkConsistency(config);
  return config;
}

/**
 * A leaf the schema names but the pipeline implements for one value only (the paper's): any other value is refused
 * here, when the configuration is read, rather than accepted and refused later by the model stage.
 */
function onlyImplemented<T>(path: string, value: unknown, implemented: T, expected: string): T {
  if (value !== undefined && value !== implemented) fail(path, expected, value);
  return implemented;
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
