import {at, none, type TripodContext, type TripodRow} from "./tripodContext.js";

/**
 * TRIPOD+AI items 16–27 (the last Methods items, Open science, Patient and public involvement, Results, Discussion);
 * see tripodChecklist.ts.
 */
export function tripodLaterItems(context: TripodContext): TripodRow[] {
  const {sampleSize, acrossCentres, calibration, config, synthetic, analysed, run} = context;
  return [
    [
      "Methods",
      "16",
      "Training versus evaluation",
      "Identify any differences between development and evaluation data in healthcare setting, eligibility, outcome and predictors.",
      at("/cohorts", "Table 1 per cohort with between-cohort p-values", "partly"),
    ],
    [
      "Methods",
      "17",
      "Ethical approval",
      "Name the institutional research board or ethics committee that approved the study and describe the participant informed consent or the ethics committee waiver of informed consent.",
      none(synthetic ? "synthetic data: no ethics approval needed" : "not recorded in the study files"),
    ],
    [
      "Open science",
      "18a",
      "Funding",
      "Give the source of funding and the role of the funders for the present study.",
      none("not recorded in the study files"),
    ],
    [
      "Open science",
      "18b",
      "Conflicts of interest",
      "Declare any conflicts of interest and financial disclosures for all authors.",
      none("not recorded in the study files"),
    ],
    [
      "Open science",
      "18c",
      "Protocol",
      "Indicate where the study protocol can be accessed or state that a protocol was not prepared.",
      at(
        "/protocol",
        "the resolved study configuration and methods table; no pre-specified study protocol is recorded",
        "partly",
      ),
    ],
    [
      "Open science",
      "18d",
      "Registration",
      "Provide registration information for the study, including register name and registration number, or state that the study was not registered.",
      none("not recorded in the study files"),
    ],
    [
      "Open science",
      "18e",
      "Data sharing",
      "Provide details of the availability of the study data.",
      synthetic
        ? at("/data-model", "the demo study is regenerated from its seed")
        : none("the study's data availability is not recorded"),
    ],
    [
      "Open science",
      "18f",
      "Code sharing",
      "Provide details of the availability of the analytical code.",
      at("/protocol", `workbench code version ${run?.codeVersion ?? "n/a"}`),
    ],
    [
      "Patient and public involvement",
      "19",
      "Patient and public involvement",
      "Provide details of any patient and public involvement during the design, conduct, reporting, interpretation, or dissemination of the study, or state no involvement.",
      none("not recorded in the study files"),
    ],
    [
      "Results",
      "20a",
      "Participants",
      "Describe the flow of participants through the study, including the number with and without the outcome and, if applicable, a summary of the follow-up time.",
      at("/cohorts#flow-of-patients", `analysed/eligible: ${analysed}`),
    ],
    [
      "Results",
      "20b",
      "Participants",
      "Report the characteristics overall and, where applicable, for each data source or setting, including key dates, key predictors (including demographics), treatments received, sample size, outcome events, follow-up time and missing data; report any differences across key demographic groups.",
      at("/cohorts", "Table 1 per cohort", "partly"),
    ],
    [
      "Results",
      "20c",
      "Participants",
      "For model evaluation, show a comparison with the development data of the distribution of important predictors (demographics, predictors and outcome).",
      at(
        "/cohorts",
        "Table 1: clinical variables and response per cohort with between-cohort p-values; the image inputs' case-mix is not compared",
        "partly",
      ),
    ],
    [
      "Results",
      "21",
      "Model development",
      "Specify the number of participants and outcome events in each analysis (e.g. for model development, hyperparameter tuning, model evaluation).",
      sampleSize
        ? at(
            "/protocol#minimum-sample-size",
            `training patients per class: ${sampleSize.sampleSize[0]?.eventsPerClass.map((n, k) => `${sampleSize.classes[k]} ${n}`).join(", ") ?? "n/a"}; every cohort's responses in Table 1`,
          )
        : at("/cohorts", "patients per cohort", "partly"),
    ],
    [
      "Results",
      "22",
      "Model specification",
      "Provide details of the full prediction model (e.g. formula, code, object, application programming interface) to allow predictions in new individuals and third-party evaluation and implementation, including any restrictions to access or reuse.",
      at(
        "/protocol",
        `run ${run?.runId ?? "n/a"}: its head weights stay in the run folder, not published here`,
        "partly",
      ),
    ],
    [
      "Results",
      "23a",
      "Model performance",
      "Report model performance estimates with confidence intervals, including for any key subgroups (e.g. sociodemographic).",
      // The Explore page forms subgroups from the study's clinical variables (levels or tertiles), so without any
      // there is no subgroup to report.
      context.cohorts.clinicalColumns.length > 0
        ? at(
            "/explore#subgroup-table",
            `AUC, accuracy and calibration with ${config.evaluation.ciMethod} intervals (Discrimination); objective-response AUC with DeLong intervals per level or tertile of every clinical variable, with Cochran's Q across subgroups (Explore)`,
          )
        : at(
            "/discrimination",
            `AUC, accuracy and calibration with ${config.evaluation.ciMethod} intervals; no clinical variable to form subgroups`,
            "partly",
          ),
    ],
    [
      "Results",
      "23b",
      "Model performance",
      "If examined, report results of any heterogeneity in model performance across clusters.",
      acrossCentres
        ? at(
            "/across-centres",
            acrossCentres.acrossCentres.pooled
              .map(
                (p) =>
                  `${p.metric}: I² ${p.I2 === null ? "n/a" : `${p.I2.toFixed(1)}%`}, ${
                    p.predictionInterval
                      ? `prediction interval ${p.predictionInterval[0].toFixed(3)} to ${p.predictionInterval[1].toFixed(3)}`
                      : "no prediction interval (fewer than three centres)"
                  }`,
              )
              .join("; "),
          )
        : none("not run in this build"),
    ],
    [
      "Results",
      "24",
      "Model updating",
      "Report the results from any model updating, including the updated model and subsequent performance.",
      calibration && calibration.calibration.recalibration.length > 0
        ? at("/clinical-utility#acting-on-calibration", "calibration before and after recalibration")
        : none("no model updating"),
    ],
    [
      "Discussion",
      "25",
      "Interpretation",
      "Give an overall interpretation of the main results, including issues of fairness in the context of the objectives and previous studies.",
      at("/paper-vs-corrected", "what changes between the paper's and the corrected protocol, and why", "partly"),
    ],
    [
      "Discussion",
      "26",
      "Limitations",
      "Discuss any limitations of the study (such as a non-representative sample, sample size, overfitting, missing data) and their effects on any biases, statistical uncertainty and generalisability.",
      synthetic ? at("/data-model", "the demo study's limits") : none("the study's authors discuss limitations"),
    ],
    [
      "Discussion",
      "27a",
      "Usability of the model in the context of current care",
      "Describe how poor quality or unavailable input data should be assessed and handled when implementing the model.",
      at(
        "/cohorts#flow-of-patients",
        "inputs that cannot be read or hold no patch are refused with the reason",
        "partly",
      ),
    ],
    [
      "Discussion",
      "27b",
      "Usability of the model in the context of current care",
      "Specify whether users will be required to interact in the handling of the input data or use of the model, and what level of expertise is required of users.",
      none("tumour ROI masks are required input; reader expertise is the study's to state"),
    ],
    [
      "Discussion",
      "27c",
      "Usability of the model in the context of current care",
      "Discuss any next steps for future research, with a specific view to applicability and generalisability.",
      none("the study's authors' to discuss"),
    ],
  ];
}
