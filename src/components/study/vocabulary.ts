/**
 * The study's vocabulary: every closed set of words the configuration, the pipeline, the models and the pages share,
 * written once. Each set is a const array (what validation and pages iterate) and the union type it spells. Pure data,
 * so it loads in Node and in the browser; the StudyConfig type (studyConfig.ts) is built from these.
 */

/** The paper's choices, or ours where the two differ (loaders/config/protocolTable.ts says why for each). */
export const Protocols = ["paper", "corrected"] as const;
export type Protocol = (typeof Protocols)[number];

/** The mRECIST response classes, in the order of the probability vector, the head's outputs and the confusion matrix. */
export const ResponseLabels = ["CR", "PR", "SD", "PD"] as const;
export type ResponseLabel = (typeof ResponseLabels)[number];

/**
 * The class index of a response label (CR 0, PR 1, SD 2, PD 3): the one mapping every model, statistic and table uses.
 * Anything else is an error naming `where` (the row or patient), never a silent −1 class.
 */
export function labelIndex(label: string, where: string): number {
  const k = (ResponseLabels as readonly string[]).indexOf(label);
  if (k < 0) throw new RangeError(`${where}: expected a label in ${ResponseLabels.join("|")}, got ${String(label)}`);
  return k;
}

export const ChannelModes = ["grey", "windows", "slices"] as const;
export type ChannelMode = (typeof ChannelModes)[number];

/** The dihedral variants the paper's augmentation uses ("level flip, vertical flip, both, 90° and −90° rotation"). */
export const Variants = ["identity", "flipH", "flipV", "flipHV", "rot90", "rot270"] as const;
export type Variant = (typeof Variants)[number];

/** How training meets class imbalance: the paper's oversampling by augmentation, loss weights, or nothing. */
export const Balancings = ["oversample", "classWeights", "none"] as const;
export type Balancing = (typeof Balancings)[number];

/** The head's output activation: independent sigmoids (the paper) or a softmax (corrected). */
export const HeadKinds = ["sigmoid", "softmax"] as const;
export type HeadKind = (typeof HeadKinds)[number];

/**
 * How a head trained on balanced classes (oversampling or class weights: a uniform effective prior) turns its outputs
 * into probabilities: "none" keeps them as trained; "trainingPrevalence" restores the training cohort's class
 * prevalence (prior correction of the softmax intercepts, King & Zeng 2001; van den Goorbergh et al., JAMIA 2022).
 */
export const PriorCorrections = ["none", "trainingPrevalence"] as const;
export type PriorCorrection = (typeof PriorCorrections)[number];

export const Losses = ["binaryCrossentropy", "categoricalCrossentropy"] as const;
export type Loss = (typeof Losses)[number];

export const Optimizers = ["sgd", "adam"] as const;
export type Optimizer = (typeof Optimizers)[number];

/**
 * Which runtime computes the backbone's embeddings ("auto" picks ONNX Runtime FP32, else tfjs, at run time).
 * "onnx-int8" (opt-in only, never picked by "auto") is the ONNX backbone statically quantized to int8, calibrated on
 * the study's training patches: faster on CPUs with int8 dot products, embeddings close to but not equal to FP32's.
 */
export const Engines = ["auto", "onnx", "onnx-int8", "tfjs"] as const;
export type Engine = (typeof Engines)[number];

/** The TensorFlow.js backend requested ("auto" picks the fastest available, loaders/features/chooseBackend.ts). */
export const Backends = ["auto", "tensorflow", "wasm", "cpu"] as const;
export type Backend = (typeof Backends)[number];

export const FineTunes = ["none", "res5"] as const;
export type FineTune = (typeof FineTunes)[number];

export const PatchFallbacks = ["inscribed", "exclude"] as const;
export type PatchFallback = (typeof PatchFallbacks)[number];

/** roi: the largest square inside the ROI on each slice (the paper's "whole CT-ROI patch"); fixed: sizeMm squares. */
export const PatchGeometries = ["roi", "fixed"] as const;
export type PatchGeometry = (typeof PatchGeometries)[number];

/** Which augmentation variants the geometry sensitivity runs embed (studyConfig.sensitivity.variants). */
export const SensitivityVariantModes = ["identity", "configured"] as const;
export type SensitivityVariantMode = (typeof SensitivityVariantModes)[number];

/** Which voxels of the ROI mask are the tumour: its largest connected lesion (default) or every lesion together. */
export const PatchLesions = ["largest", "union"] as const;
export type PatchLesion = (typeof PatchLesions)[number];

/** In-plane grid for cutting: the scan's own pixels, or imaging.targetSpacingMm (x, y) where that is finer. */
export const InPlaneSpacings = ["native", "common"] as const;
export type InPlaneSpacing = (typeof InPlaneSpacings)[number];

/**
 * How an AUC's interval is computed: patient-cluster bootstrap, the paper's naive patch bootstrap, DeLong (which at
 * patch level ignores that a patient's patches are correlated), or Obuchowski's clustered variance (DeLong's
 * cluster-aware counterpart; at patient level, where every cluster is one patient, it equals DeLong).
 */
export const CiMethods = ["cluster", "naive", "delong", "obuchowski"] as const;
export type CiMethod = (typeof CiMethods)[number];

/** The unit of analysis: each patch, or each patient (its patches' probabilities aggregated). */
export const Levels = ["patch", "patient"] as const;
export type Level = (typeof Levels)[number];

export const Aggregations = ["mean", "median", "max"] as const;
export type Aggregation = (typeof Aggregations)[number];

/** Sizes of the built-in synthetic study. */
export const DemoScales = ["demo", "paper"] as const;
export type DemoScale = (typeof DemoScales)[number];

/** How patient ids reach the site: a salted hash ("pseudonymous", loaders/site/pseudonym.ts) or the manifest's own. */
export const PatientIdModes = ["pseudonymous", "as-is"] as const;
export type PatientIdMode = (typeof PatientIdModes)[number];

/** How a declared clinical column is read (studyConfig.ts ClinicalColumnSpec). */
export const ClinicalColumnTypes = ["number", "category", "ordinal"] as const;
export type ClinicalColumnType = (typeof ClinicalColumnTypes)[number];
