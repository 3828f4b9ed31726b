import {at, none, type TripodInputs, type TripodItem, type TripodRow, tripodContext} from "./tripodContext.js";
import {tripodLaterItems} from "./tripodLaterItems.js";
import {sampleSizeAnswer} from "./tripodSampleSize.js";

export type {TripodInputs, TripodItem, TripodStatus} from "./tripodContext.js";

/**
 * The TRIPOD+AI checklist (Collins et al., BMJ 2024;385:e078378: 27 items in 52 sub-items, sections Title, Abstract,
 * Introduction, Methods, Open science, Patient and public involvement, Results, Discussion) answered from this run's
 * artifacts. Each item says where the report answers it (a page and section), or gives the value computed from the
 * run, or is "not reported" with the reason. Numbering, sections and topics are the checklist's; the item wording is
 * abridged from it (checked against the published checklist); the answers are derived from the artifacts passed in,
 * so a different study gets different answers.
 */
export function tripodChecklist(inputs: TripodInputs): TripodItem[] {
  const context = tripodContext(inputs);
  const {
    cohorts,
    sampleSize,
    acrossCentres,
    calibration,
    config,
    training,
    externals,
    run,
    clinical,
    dataSource,
    noPatients,
    internalValidation,
  } = context;
  const items: TripodRow[] = [
    [
      "Title",
      "1",
      "Title",
      "Identify the study as developing or evaluating the performance of a multivariable prediction model, the target population, and the outcome to be predicted.",
      none("a report site has no title page of a paper; the site's title and Home page name the model and outcome"),
    ],
    ["Abstract", "2", "Abstract", "See TRIPOD+AI for Abstracts checklist.", none("a report site has no abstract")],
    [
      "Introduction",
      "3a",
      "Background",
      "Explain the healthcare context (including whether diagnostic or prognostic) and rationale for developing or evaluating the model, including references to existing models.",
      at("/", "Home page (Peng et al. 2020 and the corrected protocol)", "partly"),
    ],
    [
      "Introduction",
      "3b",
      "Background",
      "Describe the target population and the intended purpose of the model in the context of the care pathway, including its intended users.",
      none("the intended use is the study's to state; the workbench reproduces an analysis"),
    ],
    [
      "Introduction",
      "3c",
      "Background",
      "Describe any known health inequalities between sociodemographic groups.",
      none("not assessed by the workbench"),
    ],
    [
      "Introduction",
      "4",
      "Objectives",
      "Specify the study objectives, including whether the study describes the development or validation of a prediction model (or both).",
      at(
        "/paper-vs-corrected",
        `development on ${training}, external validation on ${externals.join(", ") || "no other cohort"}`,
      ),
    ],
    [
      "Methods",
      "5a",
      "Data",
      "Describe the sources of data separately for the development and evaluation datasets, the rationale for using these data, and their representativeness.",
      at("/cohorts", `${dataSource}; the rationale and representativeness are not stated`, "partly"),
    ],
    [
      "Methods",
      "5b",
      "Data",
      "Specify the dates of the collected participant data, including start and end of participant accrual and, if applicable, end of follow-up.",
      none(noPatients),
    ],
    [
      "Methods",
      "6a",
      "Participants",
      "Specify key elements of the study setting (e.g. primary care, secondary care, general population), including the number and location of centres.",
      at(
        "/cohorts",
        `${cohorts.cohorts.length} centres: ${cohorts.cohorts.join(", ")}; care setting not recorded`,
        "partly",
      ),
    ],
    [
      "Methods",
      "6b",
      "Participants",
      "Describe the eligibility criteria for study participants.",
      at("/cohorts#flow-of-patients", "exclusions with reasons in the patient flow", "partly"),
    ],
    [
      "Methods",
      "6c",
      "Participants",
      "Give details of any treatments received, and how they were handled during model development or evaluation, if relevant.",
      none("treatment (TACE) details are not in the study files"),
    ],
    [
      "Methods",
      "7",
      "Data preparation",
      "Describe any data pre-processing and quality checking, including whether this was similar across relevant sociodemographic groups.",
      at(
        "/protocol",
        `patch geometry ${config.patches.geometry}, window and resampling in the methods table; not compared across sociodemographic groups`,
        "partly",
      ),
    ],
    [
      "Methods",
      "8a",
      "Outcome",
      "Clearly define the outcome being predicted and the time horizon, including how and when assessed, the rationale for choosing it, and whether its assessment is consistent across sociodemographic groups.",
      at("/objective-response", "mRECIST response (CR/PR/SD/PD) and objective response (CR + PR)", "partly"),
    ],
    [
      "Methods",
      "8b",
      "Outcome",
      "If outcome assessment requires subjective interpretation, describe the qualifications and demographics of the assessors.",
      none("assessors are not recorded in the study files"),
    ],
    [
      "Methods",
      "8c",
      "Outcome",
      "Report any actions to blind assessment of the outcome to be predicted.",
      none("not recorded in the study files"),
    ],
    [
      "Methods",
      "9a",
      "Predictors",
      "Describe the choice of initial predictors and any pre-selection of predictors before model building.",
      at(
        "/protocol",
        `2048 ResNet50 features from CT patches; clinical model: ${clinical ? clinical.predictors.join(", ") : "none"}`,
      ),
    ],
    [
      "Methods",
      "9b",
      "Predictors",
      "Clearly define all predictors, including how and when they were measured (and any actions to blind assessment of predictors for the outcome and other predictors).",
      at("/cohorts", "Table 1 variables and units", "partly"),
    ],
    [
      "Methods",
      "9c",
      "Predictors",
      "If predictor measurement requires subjective interpretation, describe the qualifications and demographic characteristics of the predictor assessors.",
      none("tumour ROI delineation is an input; its readers are not recorded"),
    ],
    [
      "Methods",
      "10",
      "Sample size",
      "Explain how the study size was arrived at, separately for development and evaluation, and justify that it was sufficient to answer the research question, including any sample size calculation.",
      sampleSize ? sampleSizeAnswer(sampleSize) : none("no sample-size calculation in this build"),
    ],
    [
      "Methods",
      "11",
      "Missing data",
      "Describe how missing data were handled, with reasons for omitting any data.",
      clinical
        ? at("/clinical-baseline#models", clinical.missingRule)
        : at("/cohorts#flow-of-patients", "patients without usable images are excluded with the reason", "partly"),
    ],
    [
      "Methods",
      "12a",
      "Analytical methods",
      "Describe how the data were used (e.g. for development and evaluation of model performance), including whether the data were partitioned, considering any sample size requirements.",
      at(
        "/protocol",
        `training ${training}; validation ${externals.join(", ")}; internal–external cross-validation on Across centres`,
      ),
    ],
    [
      "Methods",
      "12b",
      "Analytical methods",
      "Depending on the type of model, describe how predictors were handled in the analyses (functional form, rescaling, transformation, or any standardisation).",
      at(
        "/protocol",
        `frozen backbone, ${config.model.head} head${clinical ? "; clinical numbers standardised, categories treatment-coded" : ""}`,
      ),
    ],
    [
      "Methods",
      "12c",
      "Analytical methods",
      "Specify the type of model, rationale, all model-building steps, including any hyperparameter tuning, and the method for internal validation.",
      at(
        "/protocol",
        `${config.model.optimizer}, learning rate ${config.model.learningRate}, batch ${config.model.batchSize}, ${config.model.epochs} epochs${clinical ? `; clinical ridge λ ${clinical.clinical.lambda} by stratified ${clinical.clinical.lambdaFolds}-fold cross-validated deviance over ${clinical.clinical.lambdaPath.length} candidates` : ""}; ${internalValidation.length > 0 ? `internal validation: ${internalValidation.join("; ")}` : "no internal validation of the image model in this build"}`,
        internalValidation.length > 0 ? "reported" : "partly",
      ),
    ],
    [
      "Methods",
      "12d",
      "Analytical methods",
      "Describe if and how any heterogeneity in estimates of model parameter values and model performance was handled and quantified across clusters (e.g. hospitals, countries).",
      acrossCentres
        ? at(
            "/across-centres",
            "leave-one-centre-out with random-effects pooling (REML): Wald and HKSJ intervals, τ² and I² with Q-profile intervals, and prediction intervals for a new centre",
          )
        : none("not run in this build"),
    ],
    [
      "Methods",
      "12e",
      "Analytical methods",
      "Specify all measures and plots used (and their rationale) to evaluate model performance (e.g. discrimination, calibration, clinical utility) and, if relevant, to compare multiple models.",
      at(
        "/discrimination",
        "ROC/AUC, accuracy, calibration, decision curves; Clinical baseline compares with a clinical model",
      ),
    ],
    [
      "Methods",
      "12f",
      "Analytical methods",
      "Describe any model updating (e.g. recalibration) arising from the model evaluation, either overall or for particular sociodemographic groups or settings.",
      calibration && calibration.calibration.recalibration.length > 0
        ? at(
            "/clinical-utility#acting-on-calibration",
            "logistic recalibration fitted on one external cohort, applied to another",
          )
        : none("fewer than two external cohorts: no recalibration across cohorts"),
    ],
    [
      "Methods",
      "12g",
      "Analytical methods",
      "For evaluation, describe how the model predictions were calculated (e.g. formula, code, object, API).",
      at("/protocol", `saved run ${run?.runId ?? "n/a"}; workbench predict applies it`),
    ],
    [
      "Methods",
      "13",
      "Class imbalance",
      "If class imbalance methods were used, state why and how this was done, and any subsequent methods to recalibrate the model or its predictions.",
      at("/paper-vs-corrected", `balancing: ${config.augmentation.balancing}`),
    ],
    [
      "Methods",
      "14",
      "Fairness",
      "Describe any approaches used to address model fairness and their rationale.",
      none("no sociodemographic subgroup analysis in the workbench"),
    ],
    [
      "Methods",
      "15",
      "Model output",
      "Specify the output of the prediction model (e.g. probabilities, classification), with details and rationale for any classification and how the thresholds were identified.",
      at(
        "/objective-response",
        "four class probabilities, arg-max class in the confusion matrices; P(CR) + P(PR) for objective response; no threshold is chosen (a slider explores them)",
      ),
    ],
    ...tripodLaterItems(context),
  ];
  return items.map(([section, item, topic, text, answer]) => ({section, item, topic, text, ...answer}));
}
