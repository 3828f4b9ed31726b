import type {AucWithCi, SensitivityCohort, SensitivityLevel} from "../../src/components/artifacts.js";
import type {AucSummary} from "../../src/components/stats/aucSummary.js";
import type {Evaluation, LevelEvaluation} from "../../src/components/stats/evaluatePredictions.js";
import {quantileSorted} from "../../src/components/stats/quantile.js";
import {geometryName} from "../../src/components/study/geometryName.js";
import type {SensitivityGeometry, StudyConfig} from "../../src/components/study/studyConfig.js";
import {ResponseLabels} from "../../src/components/study/vocabulary.js";
import {switchProtocol} from "../config/protocolDefaults.js";
import type {FlowReport} from "../imaging/flowReport.js";
import type {PatchSet} from "../imaging/patchSet.js";
import type {ModelRun} from "../train/runModel.js";

/**
 * Issue #11's geometry sensitivity analysis: the corrected protocol re-run with the study's patches cut under another
 * geometry (the paper's whole-ROI square, or a fixed side in mm), everything else as configured. sensitivityStage.ts
 * runs its stages through the artifact cache; this module says what each run's configuration is and what of it the site
 * shows.
 */

/** One geometry's run as the site shows it. */
export interface SensitivityRun {
  name: string;
  geometry: SensitivityGeometry;
  runId: string;
  sharesMainPatches: boolean;
  cohorts: SensitivityCohort[];
  /** Why this geometry could not be analysed (no run, runId ""): the pipeline carried on without it. */
  notAnalysable?: string;
}

/** The study configuration with the patches cut under `geometry`, and the corrected protocol's run configuration. */
export function sensitivityConfig(
  config: StudyConfig,
  geometry: SensitivityGeometry,
): {name: string; config: StudyConfig; protocolConfig: StudyConfig} {
  const patches = {
    ...config.patches,
    geometry: geometry.geometry,
    sizeMm: geometry.geometry === "fixed" ? geometry.sizeMm : config.patches.sizeMm,
  };
  const withGeometry: StudyConfig = {...config, patches};
  const corrected = switchProtocol(withGeometry, "corrected");
  // Unaugmented embeddings only, unless asked for: one forward pass per patch instead of six keeps the extra runs
  // within the build's time budget; every geometry, the main run's included, is then compared on the same footing.
  const protocolConfig: StudyConfig =
    config.sensitivity.variants === "identity"
      ? {...corrected, augmentation: {...corrected.augmentation, variants: ["identity"]}}
      : corrected;
  return {name: geometryName(geometry), config: withGeometry, protocolConfig};
}

/** True when `geometry` cuts the same patches as the main run (so its patch store and embeddings are reused). */
export function sharesMainPatches(config: StudyConfig, geometry: SensitivityGeometry): boolean {
  if (geometry.geometry !== config.patches.geometry) return false;
  return geometry.geometry === "roi" || geometry.sizeMm === config.patches.sizeMm;
}

/** True when the run is the main corrected run itself (same patches and same variants): its cache entry is reused. */
export function reusesMainRun(config: StudyConfig, geometry: SensitivityGeometry): boolean {
  return sharesMainPatches(config, geometry) && config.sensitivity.variants === "configured";
}

export function sensitivityRun(
  geometry: SensitivityGeometry,
  shared: boolean,
  flow: FlowReport,
  cohorts: Record<string, PatchSet>,
  model: Pick<ModelRun, "runId">,
  evaluation: Pick<Evaluation, "cohorts">,
): SensitivityRun {
  const names = [...new Set([...Object.keys(flow), ...Object.keys(evaluation.cohorts)])];
  return {
    name: geometryName(geometry),
    geometry,
    runId: model.runId,
    sharesMainPatches: shared,
    cohorts: names.map((cohort) => {
      const f = flow[cohort];
      const records = cohorts[cohort]?.records ?? [];
      const levels = evaluation.cohorts[cohort];
      return {
        cohort,
        eligible: f?.eligible ?? 0,
        analysedPatients: f?.analysedPatients ?? 0,
        analysedPatches: f?.analysedPatches ?? records.length,
        tumourTooSmall: f?.excluded.filter((e) => e.kind === "tumourTooSmall").length ?? 0,
        excluded: f?.excluded.length ?? 0,
        sizeMm: spread(records.map((r) => r.sizeMm)),
        magnification: spread(records.map((r) => r.magnification)),
        patient: levels ? level(levels.patient) : null,
        patch: levels?.patch ? level(levels.patch) : null,
      };
    }),
  };
}

/**
 * Why a geometry's patches cannot train a head: its training cohort kept no patch (every tumour too small for a fixed
 * square, say), with the patients lost and why. Null when the training cohort has patches.
 */
export function untrainableReason(
  training: string,
  name: string,
  flow: FlowReport,
  cohorts: Record<string, PatchSet>,
): string | null {
  if ((cohorts[training]?.records.length ?? 0) > 0) return null;
  const f = flow[training];
  if (!f) return `the training cohort ${training} has no patches under ${name} (it is not in the preprocessed study)`;
  const small = f.excluded.filter((e) => e.kind === "tumourTooSmall").length;
  return `the training cohort ${training} has no patches under ${name}: ${f.excluded.length} of ${f.eligible} eligible patients lost (${small} with a tumour too small for the patch), so no head can be trained`;
}

/** A geometry that could not be analysed: its patients lost (when its patches exist) and the reason, no AUCs. */
export function notAnalysableRun(
  geometry: SensitivityGeometry,
  shared: boolean,
  patches: {flow: FlowReport; cohorts: Record<string, PatchSet>} | null,
  reason: string,
): SensitivityRun {
  const run = patches
    ? sensitivityRun(geometry, shared, patches.flow, patches.cohorts, {runId: ""}, {cohorts: {}})
    : {name: geometryName(geometry), geometry, runId: "", sharesMainPatches: shared, cohorts: []};
  return {...run, notAnalysable: reason};
}

/** Median, min and max (null for none), to 4 decimals. */
export function spread(values: number[]): {median: number; min: number; max: number} | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return {median: round(quantileSorted(sorted, 0.5)!), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!)};
}

function level(e: LevelEvaluation): SensitivityLevel {
  const perClass = Object.fromEntries(ResponseLabels.map((label) => [label, aucWithCi(e.perClass[label])]));
  return {
    n: e.n,
    accuracy: e.accuracy,
    perClass: perClass as SensitivityLevel["perClass"],
    objectiveResponse: aucWithCi(e.objectiveResponse),
  };
}

/** The bootstrap interval (patient-cluster at patch level), DeLong's when no bootstrap ran. */
function aucWithCi(s: AucSummary): AucWithCi {
  return {auc: s.auc, ci: s.ciBootstrap ?? s.ciDeLong};
}
