import type {Descriptor} from "./protocolDescriptor.js";

/** The methods table's evaluation rows (protocolTable.ts). */
export const evaluationRows: Descriptor[] = [
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
      "Resampling patches treats correlated patches as independent and makes intervals too narrow; resampling patients (cluster bootstrap) keeps each patient's patches together. DeLong at patch level has the same flaw; Obuchowski's clustered variance does not.",
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
    paper: "0.95",
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
    reason: "Configured by the study (median and max are divided by their sum to stay a probability vector).",
  },
  {
    section: "Evaluation",
    parameter: "Decision-curve thresholds",
    key: "evaluation.decisionCurve",
    source: "dca.R's default grid",
    value: (c) =>
      `${c.evaluation.decisionCurve.from} to ${c.evaluation.decisionCurve.to} by ${c.evaluation.decisionCurve.step}`,
    reason: "",
    unreported:
      "The paper used dca.R without giving the range. The band resamples patients without stratifying by outcome, so the prevalence varies as in a new sample.",
  },
  {
    section: "Evaluation",
    parameter: "Calibration bins",
    key: "evaluation.calibrationBins",
    value: (c) => c.evaluation.calibrationBins,
    reason: "",
    unreported: "The paper reports no calibration; equal-width bins over [0, 1] for the reliability curve.",
  },
];
