/**
 * The study configuration: every parameter of the paper's protocol, fully defaulted and typed.
 * `normalizeStudyConfig(spec)` (normalizeStudyConfig.ts) is the only way in: untrusted JSON → StudyConfig, or a
 * ConfigError that names the key, what was expected and what was found. Defaults reproduce Peng et al. 2020
 * (protocolDefaults.ts); the `protocol` switch selects the paper's choices or our corrected ones where the two differ
 * (protocolTable.ts says why for each). This file holds the vocabularies and the type; it re-exports the rest so
 * callers import from one place.
 */

import type {DeclaredColumns} from "../cohort/clinicalColumns.js";

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
/** roi: the largest square inside the ROI on each slice (the paper's "whole CT-ROI patch"); fixed: sizeMm squares. */
export const PatchGeometries = ["roi", "fixed"] as const;
export type PatchGeometry = (typeof PatchGeometries)[number];
/** Which voxels of the ROI mask are the tumour: its largest connected lesion (default) or every lesion together. */
export const PatchLesions = ["largest", "union"] as const;
/** In-plane grid for cutting: the scan's own pixels, or imaging.targetSpacingMm (x, y) where that is finer. */
export const InPlaneSpacings = ["native", "common"] as const;
export const CiMethods = ["cluster", "naive", "delong"] as const;
export const Levels = ["patch", "patient"] as const;
export const Aggregations = ["mean", "median", "max"] as const;
export const DemoScales = ["demo", "paper"] as const;
/** How patient ids reach the site: a salted hash ("pseudonymous", loaders/site/pseudonym.ts) or the manifest's own. */
export const PatientIdModes = ["pseudonymous", "as-is"] as const;
export type PatientIdMode = (typeof PatientIdModes)[number];

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
    /**
     * The common spacing, used only when patches.inPlaneSpacing = "common": its x and y (never coarser than the scan's
     * own pixels). Slices are always the scan's native slices, so its z is not used for cutting.
     */
    targetSpacingMm: [number, number, number];
    /** Which mask value is tumour: "nonzero" or a specific label. */
    tumourLabel: "nonzero" | number;
  };
  patches: {
    geometry: PatchGeometry;
    sizePx: number;
    /** Side of a "fixed" patch in mm (unused by "roi", whose side is the largest square inside the ROI). */
    sizeMm: number;
    /** A slice whose patch would span fewer native pixels across gives no patch (the minimum-information rule). */
    minNativePx: number;
    lesion: (typeof PatchLesions)[number];
    inPlaneSpacing: (typeof InPlaneSpacings)[number];
    slicesPerPatient: number;
    patchesPerSlice: number;
    /** Slices whose tumour area is below this fraction of the largest slice's area are skipped. */
    minSliceAreaFraction: number;
    /** Fraction of a patch that must lie inside the ROI (paper: entirely inside, 1). */
    minRoiCoverage: number;
    channels: ChannelMode;
    /** The three HU windows used when channels = "windows". */
    channelWindows: Array<{level: number; width: number}>;
    /**
     * "fixed" only: when no selected slice holds a sizeMm patch, "inscribed" takes the largest square inside the ROI
     * instead (still ≥ minNativePx, flagged on the patch and counted in the flow); "exclude" excludes the patient.
     */
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
  clinical: {
    /** Manifest columns beyond Table 1's known variables, each with a type; any other column is refused. */
    columns: DeclaredColumns;
  };
  site: {
    /** Default: "pseudonymous" for a manifest study, "as-is" for the built-in demo (its ids are synthetic). */
    patientIds: PatientIdMode;
  };
};

export {normalizeStudyConfig} from "./normalizeStudyConfig.js";
export {correctedOverrides, paperDefaults, protocolDefaults, switchProtocol} from "./protocolDefaults.js";
export {ConfigError} from "./validate.js";
