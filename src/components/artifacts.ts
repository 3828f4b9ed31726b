import type {Evaluation} from "./stats/evaluatePredictions.js";
import type {GeometryByClass, PatientGeometry} from "./stats/patchGeometryByClass.js";
import type {StudyConfig} from "./study/studyConfig.js";
import type {Loss, Protocol, ResponseLabel} from "./study/vocabulary.js";

/**
 * The shapes of the site's data artifacts: written by the data loaders in src/data/ (Node), read by the pages
 * (browser). Types only, so both sides agree. Every number on a page comes from one of these, produced by the run
 * named in its provenance.
 */

/** Provenance of a run: what a figure's footer shows. */
export interface Provenance {
  runId: string;
  protocol: Protocol;
  seed: number;
  dataHash: string;
  weightsHash: string;
  configHash: string;
  codeVersion: string;
  engine: string;
  backend: string;
  /** True when the study is the built-in synthetic demo. */
  synthetic: boolean;
  /** How the head's outputs were turned into probabilities (e.g. "sigmoid outputs renormalised to sum to 1"). */
  headNote: string;
  versions: Record<string, string>;
  /** The int8 backbone's agreement with FP32 on held-out training patches, when the run used `onnx-int8`. */
  int8Agreement?: {patches: number; meanCosine: number; minCosine: number; sample: string} | null;
  createdAt?: string;
  /** Predictions-only reports: the predictions CSV the numbers come from (file name and sha256 of its bytes). */
  predictions?: SourceFile;
}

/** An input file as a report's provenance names it: its name only (a folder can name a patient) and its sha256. */
export interface SourceFile {
  file: string;
  sha256: string;
}

/**
 * Set in protocol.json when the site was built from a predictions CSV (`workbench report`, $WORKBENCH_PREDICTIONS):
 * no images and no model, so the pages that need them say why they are empty. `runs` and metrics.json's `protocols`
 * then hold only the protocols the CSV has.
 */
export interface PredictionsOnly {
  predictions: SourceFile;
  clinical: SourceFile | null;
  /** "patch" when the CSV has a patch_id column, else "patient". */
  level: "patch" | "patient";
  /** Why the image pages (Gallery, Training) are empty, in one sentence. */
  reason: string;
}

/** One row of the methods table: the paper's value beside the value used, and why they differ. */
export interface ProtocolRow {
  section: string;
  parameter: string;
  key: string;
  paper: string;
  used: string;
  differs: boolean;
  reason: string;
}

/** data/protocol.json */
export interface ProtocolArtifact {
  /** The resolved configuration, with the manifest by its file name only (loaders/site/protocolArtifact.ts). */
  config: StudyConfig;
  source: string;
  table: ProtocolRow[];
  /** One per protocol that was run; `primary` is the configured one. */
  runs: Record<Protocol, Provenance>;
  primary: Protocol;
  timings: Array<{stage: string; seconds: number; cached: boolean}>;
  /** What the paper scale would cost on this machine, measured from this run's throughput. */
  cost: {embeddingsPerSecond: number; paperScaleEmbeddings: number; paperScaleMinutes: number} | null;
  predictionsOnly?: PredictionsOnly;
}

/**
 * data/predictions.csv — one row per patch and protocol:
 * protocol,patient_id,cohort,patch_id,label,p_CR,p_PR,p_SD,p_PD,split
 * where split is "training" or "validation". Probabilities sum to 1 per row.
 */
export interface PredictionCsvRow {
  protocol: Protocol;
  patient_id: string;
  cohort: string;
  patch_id: string;
  label: ResponseLabel;
  p_CR: number;
  p_PR: number;
  p_SD: number;
  p_PD: number;
  split: "training" | "validation";
}

/** data/metrics.json — `evaluatePredictions` (src/components/stats/evaluatePredictions.ts) per protocol. */
export interface MetricsArtifact {
  /** The options every number was computed with (a page recomputing live passes them back whole). */
  options: Evaluation["options"];
  protocols: Record<Protocol, Evaluation>;
}

/** data/cohorts.json — what Table 1 and the flow diagram need. */
export interface CohortsArtifact {
  synthetic: boolean;
  trainingCohort: string;
  cohorts: string[];
  /** Clinical rows of the analysed patients; values as written in the manifest (numbers parsed). */
  clinical: Array<{patient_id: string; cohort: string; label: ResponseLabel; [column: string]: string | number | null}>;
  clinicalColumns: string[];
  flow: Record<
    string,
    {
      eligible: number;
      excluded: Array<{reason: string; count: number; patientIds: string[]}>;
      analysedPatients: number;
      analysedPatches: number;
      fallbackPatients: string[];
    }
  >;
  /**
   * Patch size and magnification by response class (tables/patchGeometryByClass.ts): one value per analysed patient
   * (the mean of its patches; no id), and the per-cohort summary and Kruskal–Wallis tests. Absent without images.
   */
  patchGeometry?: {patients: PatientGeometry[]; byClass: GeometryByClass};
}

/** data/training.json — Fig 2. */
export interface TrainingArtifact {
  curves: Array<{
    protocol: Protocol;
    seed: number;
    epoch: number;
    /** "training" or a validation cohort's name. */
    cohort: string;
    loss: number;
    accuracy: number;
  }>;
  /** The loss each protocol's head was trained with, so the chart names it on its axis (absent without a run). */
  losses?: Partial<Record<Protocol, Loss>>;
  /** Why there are no curves (a predictions-only report has no training run). */
  emptyReason?: string;
}

/**
 * data/gallery.zip — members: gallery.json (GalleryArtifact), patches/<name>.png (224×224 grey patch),
 * contexts/<name>.png (the windowed CT around the tumour on the patch's native slice, ROI outline green, patch box amber),
 * cams/<name>.png (224×224 RGB: the patch blended with a heat map of its class activation map for the
 * predicted class; shown instead of the plain patch when the overlay is toggled on). Entry names are derived from
 * the item's position and a hash of its id (`0007-x_1-3f2a9c01.png`), never from the id itself; each item names its
 * own entries in `image` and `cam`, so the page looks images up through the item, never by building a path from an id.
 */
export interface GalleryArtifact {
  protocol: Protocol;
  /** Why there are no items (a predictions-only report has no images). */
  emptyReason?: string;
  items: Array<{
    patchId: string;
    patientId: string;
    cohort: string;
    sliceIndex: number;
    label: ResponseLabel;
    predicted: ResponseLabel;
    probabilities: [number, number, number, number];
    correct: boolean;
    hasCam: boolean;
    /** The patch image's entry in the zip, e.g. "patches/0007-x_1-3f2a9c01.png". */
    image: string;
    /** The CAM overlay's entry, or null without one. */
    cam: string | null;
    /** The context crop's entry, or null when preprocessing made none (older stores, predictions-only sites). */
    context?: string | null;
    /** The context crop's geometry: the patch's and the tumour's boxes [x, y, w, h] in crop pixels. */
    contextBox?: {
      patchPx: [number, number, number, number];
      tumourPx: [number, number, number, number];
      sizePx: [number, number];
      mmPerPx: number;
    };
    /** The patch's side before resizing (mm) and its enlargement to 224 px. */
    sizeMm?: number;
    magnification?: number;
  }>;
}

/** An AUC with its interval (the patient-cluster bootstrap at patch level, the bootstrap at patient level). */
export interface AucWithCi {
  auc: number | null;
  ci: [number, number] | null;
}

/** One cohort's discrimination at one level under one geometry of the sensitivity analysis. */
export interface SensitivityLevel {
  n: number;
  accuracy: number | null;
  perClass: Record<ResponseLabel, AucWithCi>;
  objectiveResponse: AucWithCi;
}

/** One cohort under one geometry: who was lost to "tumour too small", the patches' size, and the AUCs. */
export interface SensitivityCohort {
  cohort: string;
  eligible: number;
  analysedPatients: number;
  analysedPatches: number;
  /** Patients excluded as too small for a patch under this geometry, and for any reason. */
  tumourTooSmall: number;
  excluded: number;
  /** Median (min–max) of the patches' side in mm and of their enlargement to 224 px; null without patches. */
  sizeMm: {median: number; min: number; max: number} | null;
  magnification: {median: number; min: number; max: number} | null;
  patient: SensitivityLevel | null;
  patch: SensitivityLevel | null;
}

/**
 * data/geometry.json — issue #11's geometry sensitivity analysis: the corrected protocol under each patch geometry
 * of `sensitivity.geometries`, computed by the build (loaders/pipeline/geometrySensitivity.ts).
 */
export interface GeometrySensitivityArtifact {
  protocol: Protocol;
  /** "identity": the runs embed the unaugmented patch only; "configured": the configured variants. */
  variants: "identity" | "configured";
  ciLevel: number;
  /** The main run's geometry, as named in `runs`. */
  mainGeometry: string;
  runs: Array<{
    name: string;
    geometry: "roi" | "fixed";
    sizeMm: number | null;
    runId: string;
    /** True when this geometry is the main run's: its patches and embeddings were reused, not recomputed. */
    sharesMainPatches: boolean;
    cohorts: SensitivityCohort[];
    /** Why this geometry could not be analysed (runId ""; its patients lost still shown); absent when it ran. */
    notAnalysable?: string;
  }>;
  /** Seconds of the sensitivity stages (cached = read from the artifact cache). */
  timings: Array<{stage: string; seconds: number; cached: boolean}>;
  /** Why there are no runs (a predictions-only report, or `sensitivity.geometries: []`). */
  emptyReason?: string;
}
