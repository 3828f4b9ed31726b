import type {
  Aggregation,
  Backend,
  Balancing,
  ChannelMode,
  CiMethod,
  DemoScale,
  Engine,
  FineTune,
  HeadKind,
  InPlaneSpacing,
  Level,
  Loss,
  Optimizer,
  PatchFallback,
  PatchGeometry,
  PatchLesion,
  PatientIdMode,
  PriorCorrection,
  Protocol,
  SensitivityVariantMode,
  Variant,
} from "./vocabulary.js";

/**
 * The study configuration: every parameter of the paper's protocol, fully defaulted and typed. One type for the
 * pipeline (loaders/), which builds it with `normalizeStudyConfig` (loaders/config/normalizeStudyConfig.ts: untrusted
 * JSON → StudyConfig, or a ConfigError naming the key), and for the pages, which read it from data/protocol.json.
 * Defaults reproduce Peng et al. 2020 (loaders/config/protocolDefaults.ts); the words it uses are in vocabulary.ts.
 */

/** How one clinical column is read: a number (with an optional unit), or one of a list of levels (ordered or not). */
export type ClinicalColumnSpec =
  | {type: "number"; unit?: string}
  | {type: "category"; levels: string[]}
  | {type: "ordinal"; levels: string[]};

/** One patch geometry of the sensitivity analysis: the tumour's largest square, or a fixed side in mm. */
export type SensitivityGeometry = {geometry: "roi"} | {geometry: "fixed"; sizeMm: number};

/**
 * The reference standard the response labels come from when several readers read each patient: one named reader,
 * the majority of the readers who read the patient (a tie excluded, or resolved to the worse or the better class),
 * or only the patients every reader agrees on (a sensitivity analysis).
 */
export type ReferenceStandardSetting =
  | {rule: "reader"; reader: string}
  | {rule: "majority"; tie: "exclude" | "worse" | "better"}
  | {rule: "unanimous"};

/** One survival endpoint of the study's survival file (<name>_time, <name>_event). */
export interface EndpointSpec {
  label: string;
  unit: string;
  /** Times (in `unit`) at which the time-dependent AUC is reported. */
  aucTimes: number[];
  /**
   * The response assessment time (in `unit`), from which observed responders and non-responders are compared (a
   * landmark analysis); null = no such comparison (e.g. time to progression, which the response itself defines).
   */
  landmark: number | null;
}

/** Clinical columns the study configuration declares, by lower-case header name. */
export type DeclaredColumns = Record<string, ClinicalColumnSpec>;

export type StudyConfig = {
  protocol: Protocol;
  study: {
    name: string;
    /** Path of the study manifest CSV (relative to the study file), or null for the built-in synthetic demo study. */
    manifest: string | null;
    demo: {scale: DemoScale; seed: number};
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
    /**
     * mRECIST's measurable lesion: a tumour whose longest axial diameter is below this (mm) is excluded before any
     * patch is cut, whatever its pixels (the pixel floor above is a second, separate guard). 0 turns the rule off.
     */
    minDiameterMm: number;
    lesion: PatchLesion;
    inPlaneSpacing: InPlaneSpacing;
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
    fallback: PatchFallback;
  };
  augmentation: {
    variants: Variant[];
    balancing: Balancing;
  };
  model: {
    backbone: "resnet50-imagenet";
    /** Layers 1…frozenLayers of the 177 are frozen (paper: 174). */
    frozenLayers: number;
    batchNormEpsilon: number;
    head: HeadKind;
    loss: Loss;
    /**
     * Balanced training (oversampling or class weights) fits a uniform class prior; "trainingPrevalence" shifts the
     * softmax intercepts by log n_c so the probabilities are risks at the training cohort's prevalence (paper: "none").
     */
    priorCorrection: PriorCorrection;
    optimizer: Optimizer;
    momentum: number;
    learningRate: number;
    batchSize: number;
    epochs: number;
    fineTune: FineTune;
    engine: Engine;
    backend: Backend;
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
    ciMethod: CiMethod;
    primaryLevel: Level;
    aggregation: Aggregation;
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
  /** Issue #13's ablation ladder (loaders/ablation/): the paper's protocol changed one thing at a time. */
  ablation: {
    /** Run the ladder (it reuses the model stage's cached embeddings; heads only). */
    enabled: boolean;
    /** Seeds per model rung: seeds.training, seeds.training + 1, … */
    seeds: number;
    /** k of the k-fold cross-validation by patient, inside the training cohort, that chooses cv-budget's budget. */
    folds: number;
    /** cv-budget's candidate step budgets, as multiples of paper-in-matlab's. */
    budgetMultipliers: number[];
    /** Thresholds at which successive rungs' net benefits are compared. */
    netBenefitThresholds: number[];
  };
  /** Issue #11's geometry sensitivity analysis: the corrected protocol re-run under each patch geometry. */
  sensitivity: {
    /** Geometries to compare ([] = off); the one matching `patches` reuses the main run's patches and embeddings. */
    geometries: SensitivityGeometry[];
    /** Augmentation variants the runs embed: "identity" only (quick) or the configured ones. */
    variants: SensitivityVariantMode;
  };
  /**
   * Issue #13: Harrell's bootstrap optimism of each protocol's training-cohort (in-sample) metrics
   * (loaders/optimism/): the head refitted on this many bootstrap samples of training patients; 0 = off.
   */
  optimism: {
    replicates: number;
  };
  /**
   * Issue #23: what happened after TACE, beyond the one response label: the readers' responses (readers.csv) and the
   * survival endpoints (survival.csv), both paths relative to the study file (null = none; the demo study generates
   * its own). The readers and survival analyses read them; the model is still trained on the manifest's label.
   */
  outcomes: {
    readers: string | null;
    survival: string | null;
    referenceStandard: ReferenceStandardSetting;
    endpoints: Record<string, EndpointSpec>;
    /** A patient is a predicted responder when P(CR) + P(PR) ≥ this. */
    responderThreshold: number;
    /** Codings the study file assumes rather than knows (e.g. an undocumented sex code), shown on the pages. */
    assumedCodings: string[];
  };
};
