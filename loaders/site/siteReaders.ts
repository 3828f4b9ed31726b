import {available, unavailable} from "../../src/components/analysis/availability.js";
import {modelByCohort} from "../../src/components/readers/modelByCohort.js";
import {readerAgreement} from "../../src/components/readers/readerAgreement.js";
import type {ReadersArtifact, ReadersData} from "../../src/components/readers/readersArtifact.js";
import {readReadersCsv} from "../../src/components/readers/readReadersCsv.js";
import {referenceStandard} from "../../src/components/readers/referenceStandard.js";
import {patientResponseScores} from "../../src/components/survival/patientResponseScores.js";
import {analyseOutcomes, type OutcomeSource} from "./outcomeSource.js";

/**
 * data/readers.json: the Readers page's analysis. Off when the study has no readers file; not applicable with a
 * single reader; failed (with the reader's message, which names the file, line and patient) when the file is refused
 * — the rest of the site is built either way.
 */
export function siteReaders(): Promise<ReadersData> {
  return analyseOutcomes(readersAnalysis);
}

export function readersAnalysis(source: OutcomeSource): ReadersData {
  if (source.readers === null) {
    return unavailable(
      "off",
      "the study has no readers file (outcomes.readers in the study file, or workbench report --readers)",
    );
  }
  try {
    const read = readReadersCsv(source.readers.text, source.readers.name);
    if (read.readers.length < 2) return unavailable("notApplicable", "the readers file has one reader");
    const table = {readers: read.readers, rows: read.rows.map((r) => ({...r, patientId: source.publish(r.patientId)}))};
    const {config} = source;
    const setting = config.outcomes.referenceStandard;
    const options = {
      replicates: config.evaluation.bootstrapReplicates,
      seed: config.seeds.bootstrap,
      ciLevel: config.evaluation.ciLevel,
    };
    const cohorts = [...new Set(source.protocols.flatMap((p) => (source.rows[p] ?? []).map((r) => r.cohort)))];
    const model: ReadersArtifact["model"] = {};
    for (const protocol of source.protocols) {
      const patients = patientResponseScores(source.rows[protocol] ?? [], config.evaluation.aggregation);
      model[protocol] = modelByCohort(patients, table, setting, options.ciLevel);
    }
    return available({
      source: source.readers.name,
      synthetic: source.synthetic,
      referenceStandard: {setting, counts: referenceStandard(table, setting).counts},
      agreement: readerAgreement(table, options),
      model,
      cohorts,
      trainingCohort: config.cohorts.training,
      ...options,
      warnings: read.warnings,
    });
  } catch (error) {
    return unavailable("failed", (error as Error).message);
  }
}
