import {at, none} from "../tripod/tripodContext.js";
import {type ClaimInputs, type ClaimItem, type ClaimRow, claimContext} from "./claimContext.js";
import {claimLaterItems} from "./claimLaterItems.js";

export type {ClaimInputs, ClaimItem} from "./claimContext.js";

/**
 * The CLAIM 2024 checklist (Checklist for Artificial Intelligence in Medical Imaging: 2024 Update; Tejani AS,
 * Klontzas ME, Gatti AA, et al., Radiol Artif Intell 2024;6(4):e240300; 44 items) answered from this run's artifacts,
 * the way tripodChecklist.ts answers TRIPOD+AI: each item says where the report answers it (a page and section, with
 * the value computed from the run), or is "not reported" with the reason. Items 1–21 are here, 22–44 in
 * claimLaterItems.ts.
 *
 * Source of the item texts: the publisher's checklist could not be fetched offline. The numbering, sections and item
 * texts are the checklist's item lines as reproduced, identically, by two public transcriptions that cite the paper (a
 * CLAIM 2024 checklist page of a GitHub Pages site with the explanation-and-elaboration item pages, and a completed
 * CLAIM 2024 checklist of a submitted manuscript), cross-checked against a third list of the 44 item names. The 2024
 * update names the former "ground truth" section "Reference standard", and puts item 21 (intended sample size) under
 * "Testing data" and items 32–34 under "Evaluation"; both are kept as the transcriptions give them.
 */
export function claimChecklist(inputs: ClaimInputs): ClaimItem[] {
  const context = claimContext(inputs);
  const {cohorts, config, synthetic, training, externals, analysed, dataSource, sampleSize, readers} = context;
  const {readersMissing, patientIds} = context;
  const excluded = cohorts.cohorts
    .map((c) => `${c} ${(cohorts.flow[c]?.excluded ?? []).reduce((n, e) => n + e.count, 0)}`)
    .join(", ");
  const readerNames = readers
    ? `${readers.agreement.readers.length} readers (${readers.agreement.readers.join(", ")})`
    : "";
  const items: ClaimRow[] = [
    [
      "Title/Abstract",
      "1",
      "Title or abstract",
      "Identification as a study of AI methodology, specifying the category of technology used (e.g., deep learning)",
      at(
        "/",
        "a report site has no article title; the Home page opens on the deep-learning method (ResNet50)",
        "partly",
      ),
    ],
    [
      "Title/Abstract",
      "2",
      "Abstract",
      "Summary of study design, methods, results, and conclusions",
      at(
        "/#the-answer-at-a-glance",
        "the Home page gives the external cohorts' results first, then the design and methods; no conclusions",
        "partly",
      ),
    ],
    [
      "Introduction",
      "3",
      "Background",
      "Scientific and/or clinical background, including the intended use and role of the AI approach",
      at(
        "/#what-the-paper-did",
        "the paper reproduced (Peng et al. 2020); the intended use and clinical role are the study's to state",
        "partly",
      ),
    ],
    [
      "Introduction",
      "4",
      "Aims",
      "Study aims, objectives, and hypotheses",
      at(
        "/paper-vs-corrected",
        `aim: reproduce and audit the paper's protocol beside a corrected one; development on ${training}, external testing on ${externals.join(", ") || "no other cohort"}; no hypothesis is stated`,
        "partly",
      ),
    ],
    [
      "Methods",
      "5",
      "Study design",
      "Prospective or retrospective study",
      synthetic
        ? at("/data-model", "neither: the demo study's images and labels are generated, no patient is enrolled")
        : none(
            "whether the study's data were collected prospectively or retrospectively is not recorded in the study files",
          ),
    ],
    [
      "Methods",
      "6",
      "Study design",
      "Study goal",
      at(
        "/paper-vs-corrected",
        `model creation and external testing: the paper's model reproduced under the ${config.protocol} protocol, with the other protocol beside it`,
      ),
    ],
    [
      "Methods",
      "7",
      "Data",
      "Data sources",
      synthetic
        ? at("/data-model", `${dataSource}, seed ${config.study.demo.seed}; the Data model page says how it is made`)
        : at(
            "/cohorts",
            `${dataSource}; centres ${cohorts.cohorts.join(", ")}; how the data align with the target population is not stated`,
            "partly",
          ),
    ],
    [
      "Methods",
      "8",
      "Data",
      "Inclusion and exclusion criteria",
      at(
        "/cohorts#flow-of-patients",
        `the workbench's exclusions with their reasons (excluded: ${excluded}); the study's own eligibility criteria are not recorded`,
        "partly",
      ),
    ],
    [
      "Methods",
      "9",
      "Data",
      "Data pre-processing",
      at(
        "/protocol",
        `HU window ${config.imaging.window.level} / ${config.imaging.window.width} mapped to [0, 1], ${config.patches.inPlaneSpacing} in-plane grid on native slices, ${config.patches.geometry} patches resized to ${config.patches.sizePx} px, channels ${config.patches.channels}`,
      ),
    ],
    [
      "Methods",
      "10",
      "Data",
      "Selection of data subsets",
      at(
        "/protocol",
        `${config.patches.slicesPerPatient} slices per patient (largest tumour area first), ${config.patches.patchesPerSlice} patch(es) per slice, ROI coverage ≥ ${config.patches.minRoiCoverage}`,
      ),
    ],
    [
      "Methods",
      "11",
      "Data",
      "De-identification methods",
      synthetic
        ? at("/data-model", "no patient: the demo study's ids are generated")
        : patientIds === "pseudonymous"
          ? at(
              "/protocol#config-json",
              "patient ids published as keyed-hash pseudonyms (site.patientIds = pseudonymous; the key is never published); how the source scans were de-identified is not recorded",
              "partly",
            )
          : none(
              "patient ids are published as the manifest writes them (site.patientIds = as-is): no de-identification by the workbench",
            ),
    ],
    [
      "Methods",
      "12",
      "Data",
      "How missing data were handled",
      context.clinical
        ? at(
            "/clinical-baseline#models",
            `${context.clinical.missingRule}; patients without usable images are excluded`,
          )
        : at("/cohorts#flow-of-patients", "patients without usable images are excluded with the reason", "partly"),
    ],
    [
      "Methods",
      "13",
      "Data",
      "Image acquisition protocol",
      synthetic
        ? at("/data-model", "the generated CT volumes: how the generator makes them")
        : none("scanner, contrast phase, tube settings and slice thickness are not recorded in the study files"),
    ],
    [
      "Methods",
      "14",
      "Reference standard",
      "Definition of method(s) used to obtain reference standard",
      readers
        ? at(
            "/readers#reference-standard",
            `mRECIST class (CR, PR, SD, PD) per patient; reference standard rule: ${readers.referenceStandard.setting.rule}`,
          )
        : at(
            "/objective-response",
            "mRECIST class (CR, PR, SD, PD) from the manifest's label; how it was assessed is not recorded",
            "partly",
          ),
    ],
    [
      "Methods",
      "15",
      "Reference standard",
      "Rationale for choosing the reference standard",
      none("the study's to state: the workbench takes mRECIST response as the paper did"),
    ],
    [
      "Methods",
      "16",
      "Reference standard",
      "Source of reference standard annotations",
      readers
        ? readers.synthetic
          ? at("/readers#agreement-between-readers", `${readerNames} generated by the demo study`)
          : at(
              "/readers#agreement-between-readers",
              `${readerNames} from ${readers.source}; their qualifications are not recorded`,
              "partly",
            )
        : none(`who read the response, and their qualifications, is not recorded (readers ${readersMissing})`),
    ],
    [
      "Methods",
      "17",
      "Reference standard",
      "Annotation of test set",
      synthetic
        ? at("/data-model", "the test cohorts' labels and tumour masks are generated like the training cohort's")
        : readers && externals.some((c) => readers.cohorts.includes(c))
          ? at(
              "/readers",
              `the test cohorts' responses read by ${readerNames}; how the tumour ROIs were drawn is not recorded`,
              "partly",
            )
          : none("how the test cohorts' responses and tumour ROIs were annotated is not recorded"),
    ],
    [
      "Methods",
      "18",
      "Reference standard",
      "Measures of inter- and intra-rater variability of features described by the annotators",
      readers
        ? at(
            "/readers#fleiss",
            `Fleiss' κ ${readers.agreement.fleissKappa.kappa?.toFixed(2) ?? "n/a"} over ${readers.agreement.n} patients and Cohen's κ per pair; discrepancies resolved by the ${readers.referenceStandard.setting.rule} rule; intra-rater and ROI variability not measured`,
          )
        : none(`no agreement between readers to measure (readers ${readersMissing})`),
    ],
    [
      "Methods",
      "19",
      "Data partitions",
      "How data were assigned to partitions",
      at(
        "/protocol",
        `by centre: training ${training}; external testing ${externals.join(", ") || "none"}; no split inside the training cohort (analysed: ${analysed})`,
      ),
    ],
    [
      "Methods",
      "20",
      "Data partitions",
      "Level at which partitions are disjoint",
      externals.length > 0
        ? at("/protocol", "centre (institution): every patient's patches stay in its centre's partition")
        : none("one cohort: there is no held-out partition, every result is in-sample"),
    ],
    [
      "Methods",
      "21",
      "Testing data",
      "Intended sample size",
      sampleSize
        ? at(
            "/protocol#minimum-sample-size",
            `minimum for development (${sampleSize.sampleSize.map((s) => `${s.model}: ${s.required ?? "n/a"}`).join("; ")}); the test cohorts' size is not justified`,
            "partly",
          )
        : none("no sample-size calculation in this build"),
    ],
    ...claimLaterItems(context),
  ];
  return items.map(([section, item, topic, text, answer]) => ({section, item, topic, text, ...answer}));
}
