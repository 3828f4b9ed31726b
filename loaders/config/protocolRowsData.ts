import type {Descriptor} from "./protocolDescriptor.js";

/** The methods table's study, imaging and patch rows (protocolTable.ts). */
export const dataRows: Descriptor[] = [
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
    value: (c) => `${c.imaging.window.level} / ${c.imaging.window.width} HU`,
    reason: "",
    unreported:
      'The paper says only that "window width and level [were] transformed into the original one"; an abdominal soft-tissue window is our choice.',
  },
  {
    section: "Imaging",
    parameter: "Slices and in-plane grid",
    key: "patches.inPlaneSpacing",
    value: (c) =>
      c.patches.inPlaneSpacing === "native"
        ? "native slices, native pixels"
        : `native slices, ${c.imaging.targetSpacingMm.slice(0, 2).join(" × ")} mm pixels where finer than native`,
    reason: "",
    unreported:
      "The paper reports no resampling; we cut at the scan's own slices and pixels (a common in-plane spacing, when asked for, never coarsens a scan before the final resize).",
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
    parameter: "Slices skipped for a small tumour area",
    key: "patches.minSliceAreaFraction",
    value: (c) =>
      `a nearest slice whose tumour area is below ${c.patches.minSliceAreaFraction * 100}% of the largest is skipped (the next nearest is taken)`,
    reason: "",
    unreported:
      "A tumour's tip gives a patch that is mostly boundary; the paper's rule takes the nearest slices whatever their area.",
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
    value: (c) => (c.patches.geometry === "roi" ? "largest square inside the ROI" : `${c.patches.sizeMm} mm`),
    reason: "",
    unreported:
      'The paper\'s "in-house algorithm" is not described. Each patch records its size in mm, native pixels across and magnification, so size can be checked as a confounder.',
  },
  {
    section: "Patches",
    parameter: "Minimum native pixels across a patch",
    key: "patches.minNativePx",
    value: (c) => `${c.patches.minNativePx} px`,
    reason: "",
    unreported:
      "A slice whose largest square inside the ROI spans fewer native pixels gives no patch; a patient left with none is excluded and counted, never blown up to 224 px.",
  },
  {
    section: "Patches",
    parameter: "Measurable tumour (longest axial diameter)",
    key: "patches.minDiameterMm",
    value: (c) => (c.patches.minDiameterMm > 0 ? `≥ ${c.patches.minDiameterMm} mm` : "no rule"),
    reason: "",
    unreported:
      "mRECIST measures a target lesion by its longest axial diameter and calls it measurable from 10 mm; a smaller tumour is excluded with its diameter, in millimetres whatever the scan's pixel size (the pixel floor above is a second guard).",
  },
  {
    section: "Patches",
    parameter: "Lesions of a multi-focal ROI",
    key: "patches.lesion",
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
    source: "the 224 × 224 × 3 input implies three channels, not what they hold",
    value: (c) => c.patches.channels,
    reason: "",
    unreported: "The grey level replicated to the three channels the ImageNet backbone expects.",
  },
  {
    section: "Patches",
    parameter: "Tumour too small for a patch",
    key: "patches.fallback",
    value: (c) => c.patches.fallback,
    reason: "",
    unreported:
      'For fixed-size patches, "inscribed" takes the largest square inside the ROI (flagged and counted), "exclude" excludes the patient with the reason.',
  },
];
