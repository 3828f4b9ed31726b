import type {Availability} from "../analysis/availability.js";
import type {EndpointSpec} from "../study/studyConfig.js";
import type {Protocol} from "../study/vocabulary.js";
import type {SurvivalByPrediction} from "./survivalByPrediction.js";

/**
 * data/survival.json: survival by predicted response, per protocol, endpoint and cohort. Aggregates and curve steps
 * only: no patient id.
 */
export interface SurvivalArtifact {
  /** Where the times come from: the demo generator, or the survival file's name. */
  source: string;
  synthetic: boolean;
  endpoints: Array<{name: string} & EndpointSpec>;
  protocols: Partial<Record<Protocol, SurvivalByPrediction>>;
  cohorts: string[];
  trainingCohort: string;
  threshold: number;
  ciLevel: number;
  /** Codings the study file assumes rather than knows (outcomes.assumedCodings). */
  assumedCodings: string[];
  warnings: string[];
}

export type SurvivalData = Availability<SurvivalArtifact>;
