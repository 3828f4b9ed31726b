import type {CohortsArtifact} from "../../src/components/artifacts.js";
import {geometryByClass, patientGeometry} from "../../src/components/stats/patchGeometryByClass.js";
import type {ResponseLabel} from "../../src/components/study/vocabulary.js";
import type {ExclusionKind} from "../cohort/exclusion.js";
import type {PipelineResult} from "../pipeline/runPipeline.js";

/**
 * data/cohorts.json: analysed patients' clinical rows (Table 1), the per-cohort flow (flow diagram), and the patches'
 * size and magnification by response class.
 */
export function cohortsArtifact(result: PipelineResult): CohortsArtifact {
  const clinical = result.clinical
    .filter((row) => row.analysed)
    .map((row) => {
      const {analysed: _analysed, ...rest} = row;
      return {...rest, label: row.label as ResponseLabel} as CohortsArtifact["clinical"][number];
    });
  const flow: CohortsArtifact["flow"] = {};
  for (const [cohort, f] of Object.entries(result.flow)) {
    flow[cohort] = {
      eligible: f.eligible,
      excluded: f.excludedByKind.map((g) => ({
        reason: exclusionText[g.kind],
        count: g.count,
        patientIds: g.patientIds,
      })),
      analysedPatients: f.analysedPatients,
      analysedPatches: f.analysedPatches,
      fallbackPatients: f.fallbackPatients,
    };
  }
  const cohorts = Object.keys(result.flow);
  const patients = patientGeometry(Object.values(result.cohorts).flatMap((set) => set.records));
  return {
    synthetic: result.synthetic,
    trainingCohort: result.config.cohorts.training,
    cohorts,
    clinical,
    clinicalColumns: result.clinicalColumns,
    flow,
    patchGeometry: {patients, byClass: geometryByClass(patients)},
  };
}

/**
 * Exclusion reasons as the site shows them. The full messages (which name files) stay in the build log and the
 * CLI's flow report: file paths can carry identifying folder names and never reach dist/.
 */
const exclusionText: Record<ExclusionKind, string> = {
  manifestRow: "malformed manifest row",
  unknownLabel: "unknown response label",
  duplicatePatient: "duplicated patient ID or patient in two cohorts",
  fileMissing: "image or mask file missing",
  unreadableImage: "image or mask unreadable or truncated",
  gridMismatch: "mask and image on different grids",
  emptyMask: "empty tumour mask",
  maskLabels: "no tumour label in the mask",
  tumourTooSmall: "tumour too small for one patch",
};
