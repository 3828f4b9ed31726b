import type {
  DeclaredColumns,
  EndpointSpec,
  ReferenceStandardSetting,
  StudyConfig,
} from "../../src/components/study/studyConfig.js";

/**
 * study.json beside the manifest: the study file `workbench` reads (loadStudyConfig.ts), naming the manifest and the
 * outcome files by their names in the same folder, declaring every clinical column written that Table 1 does not
 * already know, and listing the codings the adapter assumed, so the pages show them. Only what the sheet decides is
 * written: everything else keeps the protocol's defaults.
 */
export interface StudyFileParts {
  name: string;
  manifest: string;
  cohort: string;
  declared: DeclaredColumns;
  readers: string | null;
  survival: string | null;
  referenceStandard: ReferenceStandardSetting;
  endpoints: Record<string, EndpointSpec>;
  assumedCodings: string[];
}

type StudyFileOutcomes = Omit<StudyConfig["outcomes"], "responderThreshold">;

export function studyFile(parts: StudyFileParts): string {
  const outcomes: StudyFileOutcomes = {
    readers: parts.readers,
    survival: parts.survival,
    referenceStandard: parts.referenceStandard,
    endpoints: parts.endpoints,
    assumedCodings: parts.assumedCodings,
  };
  const spec = {
    study: {name: parts.name, manifest: parts.manifest},
    cohorts: {training: parts.cohort, validation: []},
    clinical: {columns: parts.declared},
    outcomes,
  };
  return `${JSON.stringify(spec, null, 2)}\n`;
}
