import {at, none} from "../tripod/tripodContext.js";
import type {ClaimContext, ClaimRow} from "./claimContext.js";

/** CLAIM 2024 items 22–44 (Methods: model, training, evaluation; Results; Discussion; Other information). */
export function claimLaterItems(context: ClaimContext): ClaimRow[] {
  const {config, synthetic, externals, analysed, run, readers, predictionsOnly, characteristics} = context;
  const {internalValidation, acrossCentres} = context;
  const {model, evaluation} = config;
  // A predictions-only report holds no model and no images: the items about them say so instead of linking.
  const noModel = predictionsOnly ? `this report was built from a predictions file: ${predictionsOnly.reason}` : "";
  const versions = Object.entries(run?.versions ?? {}).map(([k, v]) => `${k} ${v}`);
  const level = `${Math.round(evaluation.ciLevel * 100)}%`;
  // Each sensitivity analysis this build holds, with the page that shows it; the item links to the first.
  const sensitivity = [
    !predictionsOnly && config.sensitivity.geometries.length > 0
      ? {page: "/geometry", what: `patch geometry (${config.sensitivity.geometries.length} geometries)`}
      : null,
    !predictionsOnly && config.ablation.enabled
      ? {page: "/paper-vs-corrected#one-change-at-a-time-the-ablation-ladder", what: "the ablation ladder"}
      : null,
    readers
      ? {page: "/readers#the-model-against-each-reference-standard", what: "the model against each reference standard"}
      : null,
  ].filter((s): s is {page: string; what: string} => s !== null);
  return [
    [
      "Methods",
      "22",
      "Model",
      "Detailed description of model",
      predictionsOnly
        ? none(noModel)
        : at(
            "/protocol",
            `ImageNet ResNet50 with layers 1–${model.frozenLayers} of 177 frozen, a new ${model.head} output layer on its 2048 pooled features; input ${config.patches.sizePx} × ${config.patches.sizePx} px patches; output four class probabilities (${run?.headNote ?? "n/a"})`,
          ),
    ],
    [
      "Methods",
      "23",
      "Model",
      "Software libraries, frameworks, and packages",
      versions.length > 0
        ? at(
            "/protocol#provenance",
            `${versions.join(", ")}; backbone on ${run?.engine ?? "n/a"} (${run?.backend ?? "n/a"})`,
          )
        : at("/protocol#provenance", "the run records no package versions", "partly"),
    ],
    [
      "Methods",
      "24",
      "Model",
      "Initialization of model parameters",
      predictionsOnly
        ? none(noModel)
        : at(
            "/protocol#provenance",
            `transfer learning: ImageNet weights (hash ${run?.weightsHash.slice(0, 16) ?? "n/a"}); the new layer initialised from seed ${config.seeds.training}`,
          ),
    ],
    [
      "Methods",
      "25",
      "Training",
      "Details of training approach",
      predictionsOnly
        ? none(noModel)
        : at(
            "/training",
            `${model.optimizer} (momentum ${model.momentum}), learning rate ${model.learningRate}, batch ${model.batchSize}, ${model.epochs} epochs, ${model.loss} loss, ${config.augmentation.balancing} balancing, augmentation ${config.augmentation.variants.join(", ")}; loss and accuracy per epoch; ${1 + config.seeds.extraSeeds} seed(s)`,
          ),
    ],
    [
      "Methods",
      "26",
      "Training",
      "Method of selecting the final model",
      predictionsOnly
        ? none(noModel)
        : at("/protocol", `the head after its ${model.epochs} configured epochs; no choice among epochs or models`),
    ],
    [
      "Methods",
      "27",
      "Training",
      "Ensembling techniques",
      predictionsOnly ? none(noModel) : at("/protocol#provenance", "none: one run per protocol, no ensemble"),
    ],
    [
      "Methods",
      "28",
      "Evaluation",
      "Metrics of model performance",
      at(
        "/discrimination",
        "one-vs-rest ROC AUC per class, accuracy, confusion matrices; objective-response AUC; calibration and decision curves",
      ),
    ],
    [
      "Methods",
      "29",
      "Evaluation",
      "Statistical measures of significance and uncertainty",
      at(
        "/discrimination",
        `${level} ${evaluation.ciMethod} intervals (${evaluation.bootstrapReplicates} bootstrap replicates, seed ${config.seeds.bootstrap}); Mann–Whitney tests on Objective response`,
      ),
    ],
    [
      "Methods",
      "30",
      "Evaluation",
      "Robustness or sensitivity analysis",
      sensitivity[0]
        ? at(sensitivity[0].page, sensitivity.map((s) => s.what).join("; "))
        : none("no sensitivity analysis in this build"),
    ],
    [
      "Methods",
      "31",
      "Evaluation",
      "Methods for explainability or interpretability",
      predictionsOnly
        ? none(noModel)
        : at("/gallery", "class activation maps of the predicted class on each gallery patch; not validated", "partly"),
    ],
    [
      "Methods",
      "32",
      "Evaluation",
      "Evaluation on internal data",
      internalValidation.length > 0
        ? at(acrossCentres ? "/across-centres" : "/discrimination", internalValidation.join("; "))
        : at("/discrimination", "the training cohort's in-sample metrics only, marked optimistic", "partly"),
    ],
    [
      "Methods",
      "33",
      "Evaluation",
      "Testing on external data",
      externals.length > 0
        ? at("/discrimination", `external cohorts: ${externals.join(", ")}`)
        : none("one cohort: no external data"),
    ],
    [
      "Methods",
      "34",
      "Evaluation",
      "Clinical trial registration",
      none(synthetic ? "no trial: the demo study is synthetic" : "not recorded in the study files"),
    ],
    [
      "Results",
      "35",
      "Data",
      "Numbers of patients or examinations included and excluded",
      at("/cohorts#flow-of-patients", `analysed/eligible: ${analysed}`),
    ],
    [
      "Results",
      "36",
      "Data",
      "Demographic and clinical characteristics of cases in each partition",
      characteristics.length > 0
        ? at("/cohorts#table1", `Table 1 per cohort: ${characteristics.join(", ")} and the response class`)
        : at("/cohorts#table1", "only the response class per cohort: the study has no clinical columns", "partly"),
    ],
    [
      "Results",
      "37",
      "Model performance",
      "Performance metrics and measures of statistical uncertainty",
      at(
        "/discrimination#auc-table",
        `AUC and accuracy with ${level} intervals per cohort, at patch and patient level`,
      ),
    ],
    [
      "Results",
      "38",
      "Model performance",
      "Estimates of diagnostic performance and their precision",
      at(
        "/objective-response#choosing-a-threshold",
        `sensitivity, specificity and predictive values with ${level} Wilson intervals at any threshold on P(CR) + P(PR)`,
      ),
    ],
    [
      "Results",
      "39",
      "Model performance",
      "Failure analysis of incorrect results",
      predictionsOnly
        ? at("/discrimination#confusion-matrix-and-accuracy", "confusion matrices; no images in this report", "partly")
        : at(
            "/gallery",
            "confusion matrices (Discrimination) and the gallery of misclassified patches with class activation maps",
          ),
    ],
    [
      "Discussion",
      "40",
      "Discussion",
      "Study limitations",
      synthetic ? at("/data-model", "the demo study's limits") : none("the study's authors discuss limitations"),
    ],
    [
      "Discussion",
      "41",
      "Discussion",
      "Implications for practice, including intended use and/or clinical role",
      none("the intended use and clinical role are the study's to state"),
    ],
    [
      "Other information",
      "42",
      "Other information",
      "Provide a reference to the full study protocol or to additional technical details",
      at("/protocol", "the resolved configuration, every parameter beside the paper's, and each run's provenance"),
    ],
    [
      "Other information",
      "43",
      "Other information",
      "Statement about the availability of software, trained model, and/or data",
      at(
        "/protocol#provenance",
        `workbench code version ${run?.codeVersion ?? "n/a"}; the trained head stays in its run folder, not published; ${synthetic ? "the demo data are regenerated from their seed" : "the data's availability is not recorded"}`,
        "partly",
      ),
    ],
    [
      "Other information",
      "44",
      "Other information",
      "Sources of funding and other support; role of funders",
      none("not recorded in the study files"),
    ],
  ];
}
