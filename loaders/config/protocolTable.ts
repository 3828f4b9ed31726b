import type {ProtocolRow} from "../../src/components/artifacts.js";
import type {StudyConfig} from "../../src/components/study/studyConfig.js";

export type {ProtocolRow};

/**
 * The methods table of the Protocol page: every parameter with the paper's value (as reported, or "not reported"),
 * the value this study uses, and — where they differ — why. Reasons for the corrected protocol are stated once here
 * so the page, the CLI and the report say the same thing.
 */

interface Descriptor {
  section: string;
  parameter: string;
  key: string;
  /** What the paper reports, in words. */
  paper: string;
  /** The value the paper's text implies, comparable with the resolved value; undefined when the paper is silent. */
  paperValue?: unknown;
  value: (c: StudyConfig) => unknown;
  reason: string;
  /** Reason shown when the paper does not report the parameter. */
  unreported?: string;
}

const fmt = (v: unknown): string => {
  if (Array.isArray(v)) return v.map(fmt).join(", ");
  if (v && typeof v === "object") {
    return Object.entries(v)
      .map(([k, x]) => `${k} ${fmt(x)}`)
      .join(", ");
  }
  if (v === null) return "built-in synthetic demo study";
  return String(v);
};

const descriptors: Descriptor[] = [
  {
    section: "Study",
    parameter: "Data",
    key: "study.manifest",
    paper: "NFH 562, ZHHAJU 89, SYUCC 138 patients (private)",
    value: (c) => c.study.manifest,
    reason: "The paper's images are private; the demo study is synthetic and labelled as such on every page.",
  },
  {
    section: "Study",
    parameter: "Training cohort",
    key: "cohorts.training",
    paper: "NFH",
    paperValue: "NFH",
    value: (c) => c.cohorts.training,
    reason: "Configured by the study.",
  },
  {
    section: "Study",
    parameter: "Validation cohorts",
    key: "cohorts.validation",
    paper: "ZHHAJU, SYUCC (external)",
    value: (c) => (c.cohorts.validation.length > 0 ? c.cohorts.validation : "all other cohorts"),
    reason: "Configured by the study; by default every cohort other than the training cohort.",
  },
  {
    section: "Imaging",
    parameter: "HU window (level / width)",
    key: "imaging.window",
    paper: 'not reported ("window width and level transformed into the original one")',
    value: (c) => `${c.imaging.window.level} / ${c.imaging.window.width} HU`,
    reason: "",
    unreported: "The paper does not give the window; an abdominal soft-tissue window is our documented choice.",
  },
  {
    section: "Imaging",
    parameter: "Slices and in-plane grid",
    key: "patches.inPlaneSpacing",
    paper: "native slices (1 mm reconstruction); no resampling reported",
    paperValue: "native slices, native pixels",
    value: (c) =>
      c.patches.inPlaneSpacing === "native"
        ? "native slices, native pixels"
        : `native slices, ${c.imaging.targetSpacingMm.slice(0, 2).join(" × ")} mm pixels where finer than native`,
    reason: "A common in-plane spacing was asked for; it never coarsens a scan before the final resize.",
  },
  {
    section: "Imaging",
    parameter: "Intensity mapping",
    key: "imaging.window",
    paper: "mapped to [0, 1]",
    paperValue: "window → [0, 1]",
    value: () => "window → [0, 1]",
    reason: "",
  },
  {
    section: "Patches",
    parameter: "Slices per patient",
    key: "patches.slicesPerPatient",
    paper: "largest tumour area + the two nearest slices",
    paperValue: 3,
    value: (c) => c.patches.slicesPerPatient,
    reason: "Configured by the study.",
  },
  {
    section: "Patches",
    parameter: "Patches per slice",
    key: "patches.patchesPerSlice",
    paper: "about 3 patches per patient",
    paperValue: 1,
    value: (c) => c.patches.patchesPerSlice,
    reason: "Configured by the study.",
  },
  {
    section: "Patches",
    parameter: "Patch geometry",
    key: "patches.geometry",
    paper: 'whole CT-ROI patches, entirely inside the ROI ("in-house algorithm")',
    paperValue: "roi",
    value: (c) => c.patches.geometry,
    reason: "Fixed-size patches: the sensitivity analysis of the paper's unreported patch placement.",
  },
  {
    section: "Patches",
    parameter: "Patch size (physical)",
    key: "patches.sizeMm",
    paper: 'not reported ("in-house algorithm")',
    value: (c) => (c.patches.geometry === "roi" ? "largest square inside the ROI" : `${c.patches.sizeMm} mm`),
    reason: "",
    unreported:
      "Each patch records its size in mm, native pixels across and magnification, so size can be checked as a confounder.",
  },
  {
    section: "Patches",
    parameter: "Minimum native pixels across a patch",
    key: "patches.minNativePx",
    paper: "not reported",
    value: (c) => `${c.patches.minNativePx} px`,
    reason: "",
    unreported:
      "A slice whose largest square inside the ROI spans fewer native pixels gives no patch; a patient left with none is excluded and counted, never blown up to 224 px.",
  },
  {
    section: "Patches",
    parameter: "Lesions of a multi-focal ROI",
    key: "patches.lesion",
    paper: "not reported (the tumour)",
    value: (c) => (c.patches.lesion === "largest" ? "largest lesion" : "every lesion"),
    reason: "",
    unreported:
      "The largest connected lesion is the tumour whose area picks the slices; satellites would add tiny patches.",
  },
  {
    section: "Patches",
    parameter: "Patch size (pixels)",
    key: "patches.sizePx",
    paper: "224 × 224 × 3",
    paperValue: 224,
    value: (c) => c.patches.sizePx,
    reason: "Configured by the study.",
  },
  {
    section: "Patches",
    parameter: "ROI coverage",
    key: "patches.minRoiCoverage",
    paper: "each patch entirely inside the ROI",
    paperValue: 1,
    value: (c) => c.patches.minRoiCoverage,
    reason: "Configured by the study.",
  },
  {
    section: "Patches",
    parameter: "Channels",
    key: "patches.channels",
    paper: "grey level replicated to 3 channels (implied)",
    paperValue: "grey",
    value: (c) => c.patches.channels,
    reason: "Configured by the study.",
  },
  {
    section: "Patches",
    parameter: "Tumour too small for a patch",
    key: "patches.fallback",
    paper: "not reported",
    value: (c) => c.patches.fallback,
    reason: "",
    unreported:
      'The paper does not say; for fixed-size patches, "inscribed" takes the largest square inside the ROI (flagged and counted), "exclude" excludes the patient with the reason.',
  },
  {
    section: "Augmentation",
    parameter: "Variants",
    key: "augmentation.variants",
    paper: "horizontal flip, vertical flip, both, +90°, −90°",
    paperValue: "identity, flipH, flipV, flipHV, rot90, rot270",
    value: (c) => c.augmentation.variants,
    reason: "Configured by the study.",
  },
  {
    section: "Augmentation",
    parameter: "Class balancing",
    key: "augmentation.balancing",
    paper: "classes equalised by augmentation (oversampling), training centre only",
    paperValue: "oversample",
    value: (c) => c.augmentation.balancing,
    reason:
      "Oversampling repeats the same few patients' patches; a class-weighted loss at natural prevalence uses each patch once per variant and keeps predicted probabilities on the population's scale.",
  },
  {
    section: "Model",
    parameter: "Backbone",
    key: "model.backbone",
    paper: "ImageNet ResNet50 (MATLAB 2018a), 177 layers",
    paperValue: "resnet50-imagenet",
    value: (c) => c.model.backbone,
    reason: "Same Caffe-derived ImageNet weights, loaded in TensorFlow.js.",
  },
  {
    section: "Model",
    parameter: "Frozen layers",
    key: "model.frozenLayers",
    paper: "layers 1–174 frozen",
    paperValue: 174,
    value: (c) => c.model.frozenLayers,
    reason: "Configured by the study.",
  },
  {
    section: "Model",
    parameter: "BatchNorm epsilon",
    key: "model.batchNormEpsilon",
    paper: "1e-5 (Caffe/MATLAB)",
    paperValue: 1e-5,
    value: (c) => c.model.batchNormEpsilon,
    reason: "The Keras conversion of the weights uses 1e-3; the effect on outputs is below 0.1% (weights.md).",
  },
  {
    section: "Model",
    parameter: "Output layer",
    key: "model.head",
    paper: "fc4 + sigmoid",
    paperValue: "sigmoid",
    value: (c) => c.model.head,
    reason:
      "The four responses are mutually exclusive: softmax makes P(CR)+P(PR) a probability. Sigmoid outputs are renormalised to sum to 1 when the paper protocol is used.",
  },
  {
    section: "Model",
    parameter: "Loss",
    key: "model.loss",
    paper: "binary cross-entropy",
    paperValue: "binaryCrossentropy",
    value: (c) => c.model.loss,
    reason: "Categorical cross-entropy is the likelihood of a single-label four-class outcome.",
  },
  {
    section: "Model",
    parameter: "Optimiser",
    key: "model.optimizer",
    paper: "SGD (MATLAB sgdm, momentum 0.9)",
    paperValue: "sgd, momentum 0.9",
    value: (c) => `${c.model.optimizer}, momentum ${c.model.momentum}`,
    reason: "Configured by the study.",
  },
  {
    section: "Model",
    parameter: "Learning rate",
    key: "model.learningRate",
    paper: "0.0001",
    paperValue: 1e-4,
    value: (c) => c.model.learningRate,
    reason: "Configured by the study.",
  },
  {
    section: "Model",
    parameter: "Mini-batch size",
    key: "model.batchSize",
    paper: "64",
    paperValue: 64,
    value: (c) => c.model.batchSize,
    reason: "Configured by the study.",
  },
  {
    section: "Model",
    parameter: "Epochs",
    key: "model.epochs",
    paper: "54",
    paperValue: 54,
    value: (c) => c.model.epochs,
    reason: "Configured by the study.",
  },
  {
    section: "Evaluation",
    parameter: "Unit of analysis",
    key: "evaluation.primaryLevel",
    paper: "patch (patient level only for objective response)",
    paperValue: "patch",
    value: (c) => c.evaluation.primaryLevel,
    reason: "Patches of one patient are not independent; the patient is the unit that receives the treatment decision.",
  },
  {
    section: "Evaluation",
    parameter: "AUC confidence interval",
    key: "evaluation.ciMethod",
    paper: "bootstrap over patches (pROC, 1000 replicates)",
    paperValue: "naive",
    value: (c) => c.evaluation.ciMethod,
    reason:
      "Resampling patches treats correlated patches as independent and makes intervals too narrow; resampling patients (cluster bootstrap) keeps each patient's patches together.",
  },
  {
    section: "Evaluation",
    parameter: "Bootstrap replicates",
    key: "evaluation.bootstrapReplicates",
    paper: "1000",
    paperValue: 1000,
    value: (c) => c.evaluation.bootstrapReplicates,
    reason: "Configured by the study.",
  },
  {
    section: "Evaluation",
    parameter: "CI level",
    key: "evaluation.ciLevel",
    paper: "95%",
    paperValue: 0.95,
    value: (c) => c.evaluation.ciLevel,
    reason: "Configured by the study.",
  },
  {
    section: "Evaluation",
    parameter: "Patient probability",
    key: "evaluation.aggregation",
    paper: "mean of the patient's patch probabilities",
    paperValue: "mean",
    value: (c) => c.evaluation.aggregation,
    reason: "Configured by the study.",
  },
  {
    section: "Evaluation",
    parameter: "Decision-curve thresholds",
    key: "evaluation.decisionCurve",
    paper: "dca.R over threshold probabilities (range not reported)",
    value: (c) =>
      `${c.evaluation.decisionCurve.from} to ${c.evaluation.decisionCurve.to} by ${c.evaluation.decisionCurve.step}`,
    reason: "",
    unreported: "The paper does not give the range; 1% steps over (0, 1) is the dca.R default.",
  },
];

export function protocolTable(config: StudyConfig): ProtocolRow[] {
  return descriptors.map((d) => {
    const used = d.value(config);
    const reported = "paperValue" in d;
    const differs = reported && fmt(d.paperValue) !== fmt(used);
    return {
      section: d.section,
      parameter: d.parameter,
      key: d.key,
      paper: d.paper,
      used: fmt(used),
      differs,
      reason: reported ? (differs ? d.reason : "") : (d.unreported ?? d.reason),
    };
  });
}
