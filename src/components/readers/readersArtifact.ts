import type {Availability} from "../analysis/availability.js";
import type {ReferenceStandardSetting} from "../study/studyConfig.js";
import type {Protocol} from "../study/vocabulary.js";
import type {ModelAgainstReaders} from "./modelAgainstReaders.js";
import type {ReaderAgreement} from "./readerAgreement.js";
import type {ReferenceStandard} from "./referenceStandard.js";

/**
 * data/readers.json: how much the readers who define the response agree, and how the model's headline numbers move
 * with the reference standard. Aggregates only: no patient id.
 */
export interface ReadersArtifact {
  /** Where the readings come from: the demo generator, or the readers file's name. */
  source: string;
  synthetic: boolean;
  /** The study's reference standard (outcomes.referenceStandard) and what it leaves: counts only. */
  referenceStandard: {setting: ReferenceStandardSetting; counts: ReferenceStandard["counts"]};
  /** Agreement over every patient of the readers file (all cohorts). */
  agreement: ReaderAgreement;
  /** Per protocol and cohort (patient level): the model scored against each reader, the majority and unanimous. */
  model: Partial<Record<Protocol, Record<string, ModelAgainstReaders>>>;
  cohorts: string[];
  trainingCohort: string;
  ciLevel: number;
  replicates: number;
  seed: number;
  warnings: string[];
}

export type ReadersData = Availability<ReadersArtifact>;
