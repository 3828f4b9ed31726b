import {ConfigError, nullableText, number, oneOf, record, subsetOf, text, textList} from "./validate.js";

/**
 * The study configuration: every parameter of the paper's protocol, fully defaulted and typed.
 * `normalizeStudyConfig(spec)` is the only way in: untrusted JSON → StudyConfig, or a ConfigError that names the key,
 * what was expected and what was found. Defaults reproduce Peng et al. 2020 (see ../shared/paper/); the `protocol`
 * switch selects the paper's choices or our corrected ones where the two differ (loaders/config/protocolTable.ts says
 * why for each).
 */

export const Protocols = ["paper", "corrected"] as const;
export type Protocol = (typeof Protocols)[number];

export const ResponseLabels = ["CR", "PR", "SD", "PD"] as const;
export type ResponseLabel = (typeof ResponseLabels)[number];

export const ChannelModes = ["grey", "windows", "slices"] as const;
export type ChannelMode = (typeof ChannelModes)[number];

/** The dihedral variants the paper's augmentation uses ("level flip, vertical flip, both, 90° and −90° rotation"). */
export const Variants = ["identity", "flipH", "flipV", "flipHV", "rot90", "rot270"] as const;
export type Variant = (typeof Variants)[number];

export const Balancings = ["oversample", "classWeights", "none"] as const;
export const Heads = ["sigmoid", "softmax"] as const;
export const Losses = ["binaryCrossentropy", "categoricalCrossentropy"] as const;
export const Optimizers = ["sgd", "adam"] as const;
export const Engines = ["auto", "onnx", "tfjs"] as const;
export const Backends = ["auto", "tensorflow", "wasm", "cpu"] as const;
export const FineTunes = ["none", "res5"] as const;
export const PatchFallbacks = ["inscribed", "exclude"] as const;
export const CiMethods = ["cluster", "naive", "delong"] as const;
export const Levels = ["patch", "patient"] as const;
export const Aggregations = ["mean", "median", "max"] as const;
export const DemoScales = ["demo", "paper"] as const;

export type StudyConfig = {
  protocol: Protocol;
  study: {
    name: string;
    /** Path of the study manifest CSV (relative to the study file), or null for the built-in synthetic demo study. */
    manifest: string | null;
    demo: {scale: (typeof DemoScales)[number]; seed: number};
  };
  cohorts: {
    /** The cohort the head is trained on (paper: NFH). */
    training: string;
    /** Held-out cohorts; an empty list means every other cohort in the manifest. */
    validation: string[];
  };
  imaging: {
    window: {level: number; width: number};
    targetSpacingMm: [number, number, number];
    /** Which mask value is tumour: "nonzero" or a specific label. */
    tumourLabel: "nonzero" | number;
  };
  patches: {
    sizePx: number;
    sizeMm: number;
    slicesPerPatient: number;
    patchesPerSlice: number;
    /** Slices whose tumour area is below this fraction of the largest slice's area are skipped. */
    minSliceAreaFraction: number;
    /** Fraction of a patch that must lie inside the ROI (paper: entirely inside, 1). */
    minRoiCoverage: number;
    channels: ChannelMode;
    /** The three HU windows used when channels = "windows". */
    channelWindows: Array<{level: number; width: number}>;
    fallback: (typeof PatchFallbacks)[number];
  };
  augmentation: {
    variants: Variant[];
    balancing: (typeof Balancings)[number];
  };
  model: {
    backbone: "resnet50-imagenet";
    /** Layers 1…frozenLayers of the 177 are frozen (paper: 174). */
    frozenLayers: number;
    batchNormEpsilon: number;
    head: (typeof Heads)[number];
    loss: (typeof Losses)[number];
    optimizer: (typeof Optimizers)[number];
    momentum: number;
    learningRate: number;
    batchSize: number;
    epochs: number;
    fineTune: (typeof FineTunes)[number];
    engine: (typeof Engines)[number];
    backend: (typeof Backends)[number];
  };
  seeds: {
    /** Head initialisation and mini-batch order. */
    training: number;
    /** Augmentation draws (which variant, which oversampled patch). */
    augmentation: number;
    bootstrap: number;
    /** Extra seeds trained for the spread of the training curves and metrics (0 = none). */
    extraSeeds: number;
  };
  evaluation: {
    bootstrapReplicates: number;
    ciLevel: number;
    ciMethod: (typeof CiMethods)[number];
    primaryLevel: (typeof Levels)[number];
    aggregation: (typeof Aggregations)[number];
    decisionCurve: {from: number; to: number; step: number};
    calibrationBins: number;
  };
};

/** The paper's protocol, as far as the paper states it; values it does not report are our documented choices. */
export function paperDefaults(): StudyConfig {
  return {
    protocol: "paper",
    study: {name: "Synthetic three-centre demo study", manifest: null, demo: {scale: "demo", seed: 1}},
    cohorts: {training: "NFH", validation: []},
    imaging: {window: {level: 50, width: 400}, targetSpacingMm: [1, 1, 1], tumourLabel: "nonzero"},
    patches: {
      sizePx: 224,
      sizeMm: 16,
      slicesPerPatient: 3,
      patchesPerSlice: 1,
      minSliceAreaFraction: 0.25,
      minRoiCoverage: 1,
      channels: "grey",
      channelWindows: [
        {level: 50, width: 400},
        {level: 60, width: 150},
        {level: 100, width: 600},
      ],
      fallback: "inscribed",
    },
    augmentation: {variants: [...Variants], balancing: "oversample"},
    model: {
      backbone: "resnet50-imagenet",
      frozenLayers: 174,
      batchNormEpsilon: 0.001,
      head: "sigmoid",
      loss: "binaryCrossentropy",
      optimizer: "sgd",
      momentum: 0.9,
      learningRate: 1e-4,
      batchSize: 64,
      epochs: 54,
      fineTune: "none",
      engine: "auto",
      backend: "auto",
    },
    seeds: {training: 1, augmentation: 1, bootstrap: 1, extraSeeds: 0},
    evaluation: {
      bootstrapReplicates: 1000,
      ciLevel: 0.95,
      ciMethod: "naive",
      primaryLevel: "patch",
      aggregation: "mean",
      decisionCurve: {from: 0.01, to: 0.99, step: 0.01},
      calibrationBins: 10,
    },
  };
}

/** Where the corrected protocol departs from the paper (reasons: loaders/config/protocolTable.ts). */
export function correctedOverrides(base: StudyConfig): StudyConfig {
  return {
    ...base,
    protocol: "corrected",
    augmentation: {...base.augmentation, balancing: "classWeights"},
    model: {...base.model, head: "softmax", loss: "categoricalCrossentropy"},
    evaluation: {...base.evaluation, ciMethod: "cluster", primaryLevel: "patient"},
  };
}

export function protocolDefaults(protocol: Protocol): StudyConfig {
  const paper = paperDefaults();
  return protocol === "paper" ? paper : correctedOverrides(paper);
}

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
  ]);
  const protocol = oneOf("protocol", root.protocol, Protocols, "paper");
  const d = protocolDefaults(protocol);

  const study = record("study", root.study, ["name", "manifest", "demo"]);
  const demo = record("study.demo", study.demo, ["scale", "seed"]);
  const cohorts = record("cohorts", root.cohorts, ["training", "validation"]);
  const imaging = record("imaging", root.imaging, ["window", "targetSpacingMm", "tumourLabel"]);
  const patches = record("patches", root.patches, [
    "sizePx",
    "sizeMm",
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
      manifest: nullableText("study.manifest", study.manifest, d.study.manifest),
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
      sizePx: number("patches.sizePx", patches.sizePx, d.patches.sizePx, {integer: true, min: 32, max: 1024}),
      sizeMm: number("patches.sizeMm", patches.sizeMm, d.patches.sizeMm, {above: 0, max: 300}),
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
      frozenLayers: number("model.frozenLayers", model.frozenLayers, d.model.frozenLayers, {
        integer: true,
        min: 0,
        max: 177,
      }),
      batchNormEpsilon: number("model.batchNormEpsilon", model.batchNormEpsilon, d.model.batchNormEpsilon, {
        above: 0,
        max: 0.1,
      }),
      head: oneOf("model.head", model.head, Heads, d.model.head),
      loss: oneOf("model.loss", model.loss, Losses, d.model.loss),
      optimizer: oneOf("model.optimizer", model.optimizer, Optimizers, d.model.optimizer),
      momentum: number("model.momentum", model.momentum, d.model.momentum, {min: 0, max: 0.999}),
      learningRate: number("model.learningRate", model.learningRate, d.model.learningRate, {above: 0, max: 10}),
      batchSize: number("model.batchSize", model.batchSize, d.model.batchSize, {integer: true, min: 1, max: 4096}),
      epochs: number("model.epochs", model.epochs, d.model.epochs, {integer: true, min: 1, max: 10000}),
      fineTune: oneOf("model.fineTune", model.fineTune, FineTunes, d.model.fineTune),
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

export {ConfigError};

/**
 * The same study under the other protocol: only the parameters where the protocols differ are switched, so the
 * user's other settings (epochs, seeds, patch size…) are kept. Used to run the paper's and the corrected protocol
 * side by side on the same embeddings.
 */
export function switchProtocol(config: StudyConfig, protocol: Protocol): StudyConfig {
  if (config.protocol === protocol) return config;
  const target = protocolDefaults(protocol);
  return {
    ...config,
    protocol,
    augmentation: {...config.augmentation, balancing: target.augmentation.balancing},
    model: {...config.model, head: target.model.head, loss: target.model.loss},
    evaluation: {
      ...config.evaluation,
      ciMethod: target.evaluation.ciMethod,
      primaryLevel: target.evaluation.primaryLevel,
    },
  };
}
