import {availableValue} from "../analysis/availability.js";
import type {ReadersData} from "../readers/readersArtifact.js";
import {type TripodInputs, type TripodItem, type TripodRow, tripodContext} from "../tripod/tripodContext.js";

/** One CLAIM item: the same shape as a TRIPOD+AI item (section, number, topic, text, status, answer, link). */
export type ClaimItem = TripodItem;
export type ClaimRow = TripodRow;

/** What the CLAIM answers read: the TRIPOD+AI checklist's inputs and the readers analysis (data/readers.json). */
export interface ClaimInputs extends TripodInputs {
  readers: ReadersData;
}

/** Columns of the cohorts' clinical rows that are bookkeeping or the outcome, not a characteristic of the patient. */
const NotCharacteristics = new Set(["patient_id", "cohort", "label"]);

/**
 * The TRIPOD+AI context (the run's artifacts and the facts derived from them once) plus what only CLAIM asks about:
 * the readers who define the reference standard, whether the report holds a model and images at all (a
 * predictions-only report holds neither), how patient ids are published, and which clinical characteristics the
 * cohorts' rows actually carry.
 */
export function claimContext(inputs: ClaimInputs) {
  const tripod = tripodContext(inputs);
  const {cohorts, config} = tripod;
  // Read from the rows themselves: Table 1's known variables (age, sex, …) are not listed in clinicalColumns.
  const characteristics = [
    ...new Set(
      cohorts.clinical.flatMap((r) =>
        Object.entries(r)
          .filter(([column, value]) => !NotCharacteristics.has(column) && value !== null && value !== undefined)
          .map(([column]) => column),
      ),
    ),
  ];
  return {
    ...tripod,
    readers: availableValue(inputs.readers),
    /** Why there is no readers analysis (off, one reader, or the file was refused), for the answers that need it. */
    readersMissing: inputs.readers.status === "ok" ? "" : `${inputs.readers.status}: ${inputs.readers.reason}`,
    /** The report was built from a predictions file: no images, no model, no gallery. */
    predictionsOnly: inputs.protocol.predictionsOnly ?? null,
    patientIds: config.site.patientIds,
    characteristics,
  };
}

export type ClaimContext = ReturnType<typeof claimContext>;
