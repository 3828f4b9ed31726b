import {available, unavailable} from "../../src/components/analysis/availability.js";
import {patientResponseScores} from "../../src/components/survival/patientResponseScores.js";
import {readSurvivalCsv} from "../../src/components/survival/readSurvivalCsv.js";
import type {SurvivalArtifact, SurvivalData} from "../../src/components/survival/survivalArtifact.js";
import {survivalByPrediction} from "../../src/components/survival/survivalByPrediction.js";
import {analyseOutcomes, type OutcomeSource} from "./outcomeSource.js";

/**
 * data/survival.json: the Survival page's analysis. Off when the study has no survival file; failed (with the
 * reader's message, naming file, line and patient) when the file is refused — the rest of the site is built anyway.
 */
export function siteSurvival(): Promise<SurvivalData> {
  return analyseOutcomes(survivalAnalysis);
}

export function survivalAnalysis(source: OutcomeSource): SurvivalData {
  if (source.survival === null) {
    return unavailable(
      "off",
      "the study has no survival file (outcomes.survival in the study file, or workbench report --survival)",
    );
  }
  try {
    const read = readSurvivalCsv(source.survival.text, source.survival.name);
    const table = {
      endpoints: read.endpoints,
      rows: read.rows.map((r) => ({...r, patientId: source.publish(r.patientId)})),
    };
    const {config} = source;
    const declared = config.outcomes.endpoints;
    const warnings = [...read.warnings];
    const undeclared = read.endpoints.filter((e) => declared[e] === undefined);
    if (undeclared.length > 0)
      warnings.push(
        `${source.survival.name}: endpoint(s) ${undeclared.join(", ")} not described in outcomes.endpoints: time unit unknown`,
      );
    const options = {
      threshold: config.outcomes.responderThreshold,
      ciLevel: config.evaluation.ciLevel,
      endpoints: declared,
    };
    const protocols: SurvivalArtifact["protocols"] = {};
    for (const protocol of source.protocols) {
      const patients = patientResponseScores(source.rows[protocol] ?? [], config.evaluation.aggregation);
      protocols[protocol] = survivalByPrediction(patients, table, options);
    }
    const cohorts = [...new Set(source.protocols.flatMap((p) => (source.rows[p] ?? []).map((r) => r.cohort)))];
    return available({
      source: source.survival.name,
      synthetic: source.synthetic,
      endpoints: read.endpoints.map((name) => ({
        name,
        ...(declared[name] ?? {label: name, unit: "time units", aucTimes: [], landmark: null}),
      })),
      protocols,
      cohorts,
      trainingCohort: config.cohorts.training,
      threshold: options.threshold,
      ciLevel: options.ciLevel,
      assumedCodings: config.outcomes.assumedCodings,
      warnings,
    });
  } catch (error) {
    return unavailable("failed", (error as Error).message);
  }
}
